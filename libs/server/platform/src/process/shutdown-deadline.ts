import type { RootLogger } from '../logging/logger';

/** What a stalled shutdown still holds, by kind: "TCPSocketWrap×3, Timeout×2" (never any content). */
export function openResourcesSummary(): string {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => (n > 1 ? `${kind}×${n}` : kind)).join(', ');
}

/**
 * A process asked to stop (SIGTERM, SIGINT) is gone within `ms`. Nest's close waits for
 * whatever is still open: an HTTP connection whose request never finishes (Node waits up to a
 * minute for its headers), a job that never returns. Past the deadline this logs what was still
 * open, by kind only, and exits with code 1, so a rolling restart is never held up
 * (docs/operations.md, "Health and shutdown"). The timer does not keep the process alive.
 */
export function exitIfShutdownStalls(log: RootLogger, ms: number, describe: () => Promise<string> = async () => ''): void {
  const arm = (signal: NodeJS.Signals) => {
    const timer = setTimeout(() => {
      void describe()
        .catch(() => '')
        .then((held) => {
          const open = [held, openResourcesSummary()].filter(Boolean).join('; ');
          log.error(`Shutdown did not finish within ${ms} ms of ${signal}; exiting. Still open: ${open || 'nothing known'}`);
          process.exit(1);
        });
    }, ms);
    timer.unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
