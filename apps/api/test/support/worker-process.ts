import { AppConfig } from '@second-look/server-platform';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../../..');

/**
 * The real worker as a child process, for tests that kill it. The server sources are compiled
 * once per test file with swc (the same options as `npm run build`) into a folder inside the
 * checkout (.tmp/, git-ignored, so node_modules resolve), because starting from compiled
 * JavaScript takes about 2 s where compiling on the fly takes about 5.
 */
export class WorkerBuild {
  private constructor(readonly dir: string) {}

  static compile(): WorkerBuild {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, '.tmp', 'int-worker-'));
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@swc/cli/bin/swc.js'),
        'apps/api/src',
        'apps/worker/src',
        'libs/domain/src',
        'libs/contracts/src',
        'libs/server',
        '-d',
        dir,
        '--config-file',
        '.swcrc',
        '--copy-files',
        '--ignore',
        '**/*.spec.ts,**/*.int-spec.ts',
      ],
      { cwd: root, stdio: 'pipe' },
    );
    return new WorkerBuild(dir);
  }

  get workerMain(): string {
    return join(this.dir, 'apps/worker/src/main.js');
  }

  get cli(): string {
    return join(this.dir, 'apps/api/src/cli.js');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The environment a child process needs to join a test stack (same database, Redis prefix, mail sink). */
export function childEnv(config: AppConfig, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    REDIS_PREFIX: config.redisPrefix,
    PUBLIC_URL: config.publicUrl,
    SMTP_URL: config.smtpUrl ?? '',
    DEV_CLOCK: config.devClock ? 'true' : 'false',
    LOG_LEVEL: 'log', // the worker says it started at info level, which spawnWorker waits for
    ...extra,
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves when the worker printed that it started. */
  ready: Promise<void>;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnWorker(build: WorkerBuild, env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(process.execPath, [build.workerMain], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const ready = new Promise<void>((res, rej) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Second Look worker started')) res();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code, signal) => rej(new Error(`worker exited before it started (${code ?? signal}):\n${out}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    output: () => out,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
