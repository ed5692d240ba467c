import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux for x86 and arm). */
const TICK_MS = 10;

/**
 * utime + stime of a /proc stat line, in ms (fields 14 and 15, after the command in
 * parentheses); with `reaped`, also cutime + cstime (16 and 17: children that have exited).
 */
function cpuMsOf(stat: string, reaped = false): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0)) * TICK_MS;
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

export interface CpuSnapshot {
  /** This process's main thread: the API under test (or the pg client of the raw SQL side). */
  main: number;
  /** The thread of the GraphQL clients (bench/support/http-load.worker.cjs). */
  clients: number;
  /** Every other thread of this process: V8's GC and compiler helpers, libuv's pool. */
  otherThreads: number;
  /** The PostgreSQL server: the postmaster and all its children (backends, io workers), live or exited. */
  postgres: number;
  /** The whole machine, busy and total (all cores), from /proc/stat. */
  machineBusy: number;
  machineTotal: number;
}

/**
 * CPU time so far of the bench's threads (`clientTid`: the HTTP clients' thread), of the PostgreSQL whose postmaster pid is
 * `postmasterPid` (null: not measured, e.g. a server given by DATABASE_URL), and of the machine.
 * Linux only (/proc); elsewhere everything reads 0. 10 ms resolution per thread and process.
 */
export function cpuSnapshot(postmasterPid: number | null, clientTid: number | null = null): CpuSnapshot {
  let main = 0;
  let clients = 0;
  let otherThreads = 0;
  for (const tid of safeList(`/proc/${process.pid}/task`)) {
    const stat = read(`/proc/${process.pid}/task/${tid}/stat`);
    if (!stat) continue;
    if (Number(tid) === process.pid) main += cpuMsOf(stat);
    else if (Number(tid) === clientTid) clients += cpuMsOf(stat);
    else otherThreads += cpuMsOf(stat);
  }
  let postgres = 0;
  if (postmasterPid) {
    for (const pid of safeList('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = read(`/proc/${pid}/stat`);
      if (!stat) continue;
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      // Backends that exit (autovacuum and parallel workers) move into the postmaster's cutime.
      if (Number(pid) === postmasterPid) postgres += cpuMsOf(stat, true);
      else if (ppid === postmasterPid) postgres += cpuMsOf(stat);
    }
  }
  const all = (read('/proc/stat') ?? '').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = all;
  const busy = (user + nice + system + irq + softirq + steal) * TICK_MS || 0;
  return { main, clients, otherThreads, postgres, machineBusy: busy, machineTotal: busy + ((idle + iowait) * TICK_MS || 0) };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function cpuDelta(a: CpuSnapshot, b: CpuSnapshot): CpuSnapshot {
  return {
    main: b.main - a.main,
    clients: b.clients - a.clients,
    otherThreads: b.otherThreads - a.otherThreads,
    postgres: b.postgres - a.postgres,
    machineBusy: b.machineBusy - a.machineBusy,
    machineTotal: b.machineTotal - a.machineTotal,
  };
}

export function cpuAdd(a: CpuSnapshot, b: CpuSnapshot): CpuSnapshot {
  return {
    main: a.main + b.main,
    clients: a.clients + b.clients,
    otherThreads: a.otherThreads + b.otherThreads,
    postgres: a.postgres + b.postgres,
    machineBusy: a.machineBusy + b.machineBusy,
    machineTotal: a.machineTotal + b.machineTotal,
  };
}

export const NO_CPU: CpuSnapshot = { main: 0, clients: 0, otherThreads: 0, postgres: 0, machineBusy: 0, machineTotal: 0 };

/** The postmaster's pid from its data directory, or null. */
export function postmasterPidOf(dataDir: string): number | null {
  const first = read(`${dataDir}/postmaster.pid`)?.split('\n')[0];
  return first && /^\d+$/.test(first) ? Number(first) : null;
}
