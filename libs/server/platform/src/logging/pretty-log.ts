import type { DestinationStream } from 'pino';

const SHOWN = ['reqId', 'operation', 'userId', 'organizationId', 'responseTime', 'errors'] as const;
const SKIP = new Set(['level', 'time', 'service', 'pid', 'hostname', 'context', 'msg', 'method', 'url', 'status', 'operationType', 'err', ...SHOWN]);

/**
 * Development only: the JSON line as one readable line, `12:03:04 INFO  [Context] message key=value`.
 * Production and tests keep the JSON (one object per line) that log collectors read.
 */
export function prettyLogStream(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const time = typeof o.time === 'string' ? o.time.slice(11, 19) : '';
      const level = String(o.level ?? '')
        .toUpperCase()
        .padEnd(5);
      const ctx = o.context ? `[${String(o.context)}] ` : '';
      const http = o.status !== undefined ? `${String(o.status)} ` : '';
      const fields = [...SHOWN, ...Object.keys(o).filter((k) => !SKIP.has(k))].filter((k) => o[k] !== undefined).map((k) => `${k}=${typeof o[k] === 'object' ? JSON.stringify(o[k]) : String(o[k])}`);
      const err = o.err as { type?: string; code?: string; message?: string; stack?: string } | undefined;
      const errLine = err ? `\n  ${err.stack ?? [err.type, err.code, err.message].filter(Boolean).join(' ')}` : '';
      out.write(`${time} ${level} ${ctx}${http}${String(o.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}${errLine}\n`);
    },
  };
}
