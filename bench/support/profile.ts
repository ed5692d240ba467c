import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/**
 * A V8 CPU profile of this thread (the API's) while `fn` runs; the GraphQL clients are on a
 * worker thread and do not appear in it.
 */
export async function profileWhile<T>(fn: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await fn();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** Where a frame's code comes from: an npm package, our source, Node itself, or idle/GC. */
function origin(url: string, fn: string): string {
  // V8 and Node internals without a script: (idle), (garbage collector), (program), and
  // natives such as runMicrotasks (promise jobs, with any async_hooks they trigger) or writev.
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn || 'anonymous'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node (built-in)';
  const ours = /\/(libs\/[^/]+(?:\/[^/]+)?|apps\/[^/]+|bench)\//.exec(url);
  return ours ? `ours: ${ours[1]}` : url;
}

/** Self time by origin, largest first, as shares of the non-idle samples. */
export function selfTimeByOrigin(profile: CpuProfile): { origin: string; ms: number; share: number }[] {
  const total = (profile.endTime - profile.startTime) / 1000;
  const hits = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const msPerHit = total / hits;
  const by = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = origin(n.callFrame.url, n.callFrame.functionName);
    by.set(key, (by.get(key) ?? 0) + (n.hitCount ?? 0) * msPerHit);
  }
  const busy = [...by].filter(([k]) => k !== '(idle)').reduce((t, [, v]) => t + v, 0) || 1;
  return [...by].map(([o, ms]) => ({ origin: o, ms, share: o === '(idle)' ? NaN : ms / busy })).sort((a, b) => b.ms - a.ms);
}
