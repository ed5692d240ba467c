// Types for services.cjs (plain CommonJS so Jest, Playwright and .mjs scripts can require it).
import type { ChildProcess } from 'node:child_process';

export interface Service {
  url: string;
  /** true when the URL came from DATABASE_URL / REDIS_URL and nothing was started */
  external: boolean;
  port?: number;
  stop(): Promise<void>;
}

export interface ManagedChild extends ChildProcess {
  name?: string;
  stopSignal?: NodeJS.Signals;
  tail?: () => string;
  exited?: Promise<{ code: number | null; signal: string | null; error?: Error }>;
}

export function freePort(): Promise<number>;
export function startPostgres(options: { dataDir: string; port?: number; persistent?: boolean; database?: string; logFile?: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<Service>;
export function startRedis(options: { dataDir: string; port?: number; logFile?: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<Service>;
export function createDatabase(serverUrl: string, name: string): Promise<string>;
export function dropDatabase(serverUrl: string, name: string): Promise<void>;
export function databaseUrl(serverUrl: string, name: string): string;
export function makeTempDir(prefix?: string, base?: string): Promise<string>;
export function pingRedis(port: number): Promise<boolean>;

export function spawnManaged(
  command: string,
  args: string[],
  options?: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    uid?: number;
    gid?: number;
    logFile?: string;
    onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
    stopSignal?: NodeJS.Signals;
    name?: string;
  },
): ManagedChild;
export function stopChild(child: ManagedChild | undefined | null, options?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<void>;
export function waitForHttp(url: string, options?: { timeoutMs?: number; child?: ManagedChild; intervalMs?: number }): Promise<Response>;
export function run(command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string; uid?: number; gid?: number; timeoutMs?: number }): Promise<{ stdout: string; stderr: string }>;
export function killAllNow(): void;
