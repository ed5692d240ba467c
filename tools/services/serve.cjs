#!/usr/bin/env node
// @ts-check
// Runs a private PostgreSQL and Redis until SIGINT/SIGTERM, for shell scripts (.ci/run).
//   node tools/services/serve.cjs --dir DIR --write-env FILE
// Once both answer, FILE gets `DATABASE_URL=...` and `REDIS_URL=...` lines (written
// atomically, so a waiting script can poll for it). DATABASE_URL / REDIS_URL already in the
// environment are passed through unchanged.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { startPostgres, startRedis } = require('./services.cjs');

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) {
    console.error(`usage: serve.cjs --dir DIR --write-env FILE (missing --${name})`);
    process.exit(2);
  }
  return path.resolve(process.argv[i + 1]);
}

(async () => {
  const dir = option('dir');
  const envFile = option('write-env');
  const pg = await startPostgres({ dataDir: path.join(dir, 'pg'), persistent: false, logFile: path.join(dir, 'postgres.log') });
  const redis = await startRedis({ dataDir: path.join(dir, 'redis') });
  fs.writeFileSync(`${envFile}.tmp`, `DATABASE_URL=${pg.url}\nREDIS_URL=${redis.url}\n`);
  fs.renameSync(`${envFile}.tmp`, envFile);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([pg.stop(), redis.stop()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  setInterval(() => undefined, 1 << 30); // stay up until told to stop
})().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
