// @ts-check
// Child-process plumbing shared by the dev launcher, the test runner and the e2e harness.
// Every child started here is remembered so that it dies with us: a normal exit, an
// uncaught error, or SIGINT/SIGTERM/SIGHUP all end it. Only a SIGKILL of this process
// can leave a child behind, and startPostgres clears such leftovers on its next start.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** @type {Set<import('node:child_process').ChildProcess & { stopSignal?: NodeJS.Signals }>} */
const live = new Set();
let hooksInstalled = false;

function killAllNow() {
  for (const child of live) {
    try {
      if (child.exitCode === null && child.signalCode === null) child.kill(child.stopSignal || 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

/** Installs the exit and signal hooks once per process. */
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    const onSignal = () => {
      // When the host (Jest, Playwright, our scripts) handles the signal itself, let it
      // shut down in its own order; the exit hook still ends whatever it leaves running.
      // Otherwise behave like the default: end the children, then die by that signal.
      if (process.listenerCount(signal) === 1) {
        killAllNow();
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/**
 * Spawns a long-running child that is killed when this process ends.
 * Output goes to `logFile` (appended) and/or to `onLine` line by line; the last lines
 * are kept so that start-up failures can say why.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, uid?: number, gid?: number, logFile?: string,
 *   onLine?: (line: string, stream: 'stdout' | 'stderr') => void, stopSignal?: NodeJS.Signals, name?: string }} [options]
 */
function spawnManaged(command, args, options = {}) {
  installExitHooks();
  const child = /** @type {import('node:child_process').ChildProcess & ManagedExtras} */ (
    spawn(command, args, {
      env: options.env || process.env,
      cwd: options.cwd,
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  );
  child.stopSignal = options.stopSignal || 'SIGTERM';
  child.name = options.name || path.basename(command);
  /** @type {string[]} */
  const tail = [];
  child.tail = () => tail.join('\n');
  const logStream = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : null;
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      live.delete(child);
      tail.push(String(error));
      resolve({ code: null, signal: null, error });
    });
  });
  for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
    let partial = '';
    const source = child[stream];
    if (!source) continue;
    source.on('data', (chunk) => {
      if (logStream) logStream.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() || '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 60) tail.shift();
        if (options.onLine) options.onLine(line, stream);
      }
    });
    source.on('end', () => {
      if (partial) {
        tail.push(partial);
        if (options.onLine) options.onLine(partial, stream);
      }
      partial = '';
    });
  }
  child.once('exit', () => logStream && logStream.end());
  live.add(child);
  return child;
}

/**
 * @typedef {{ stopSignal?: NodeJS.Signals, name?: string, tail?: () => string,
 *   exited?: Promise<{ code: number | null, signal: string | null, error?: Error }> }} ManagedExtras
 * @typedef {import('node:child_process').ChildProcess & ManagedExtras} ManagedChild
 */

/**
 * Asks a child to stop, and kills it if it has not gone after `timeoutMs`.
 * @param {ManagedChild | undefined | null} child
 * @param {{ signal?: NodeJS.Signals, timeoutMs?: number }} [options]
 */
async function stopChild(child, options = {}) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = child.exited || new Promise((resolve) => child.once('exit', resolve));
  try {
    child.kill(options.signal || child.stopSignal || 'SIGTERM');
  } catch {
    return;
  }
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? 10000);
  });
  if ((await Promise.race([exited, timedOut])) === 'timeout') {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone */
    }
    await exited;
  }
  clearTimeout(timer);
}

/**
 * Polls an HTTP URL until it answers 200, failing early if `child` exits.
 * @param {string} url
 * @param {{ timeoutMs?: number, child?: ManagedChild, intervalMs?: number }} [options]
 */
async function waitForHttp(url, options = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 60000);
  let last = 'no answer yet';
  for (;;) {
    const child = options.child;
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${child.name} exited (code ${child.exitCode}, signal ${child.signalCode}) before ${url} answered.\n` + `Last output:\n${child.tail ? child.tail() : ''}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return response;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = String(/** @type {Error} */ (error).cause || error);
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer 200 within ${options.timeoutMs ?? 60000} ms (last: ${last})` + (child && child.tail ? `\nLast output of ${child.name}:\n${child.tail()}` : ''));
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}

/**
 * Runs a command to completion and resolves with its output; rejects with the output on failure.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, uid?: number, gid?: number, timeoutMs?: number }} [options]
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnManaged(command, args, { ...options, name: path.basename(command) });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c) => (stdout += c));
    child.stderr?.on('data', (c) => (stderr += c));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    /** @type {Promise<any>} */ (child.exited).then(({ code, signal, error }) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr });
      const why = error ? String(error) : signal ? `signal ${signal}` : `exit code ${code}`;
      const err = /** @type {Error & { stdout?: string, stderr?: string }} */ (new Error(`${command} ${args.join(' ')} failed (${why})\n${stdout}${stderr}`.trim()));
      err.stdout = stdout;
      err.stderr = stderr;
      reject(err);
    });
  });
}

module.exports = { spawnManaged, stopChild, waitForHttp, run, installExitHooks, killAllNow };
