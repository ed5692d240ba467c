// Imported first by the benchmark, before anything that loads graphql or Nest: libraries
// read NODE_ENV when they load (graphql-js, for one, swaps its plain `instanceof` for a
// slower cross-realm check outside production). The API is measured as it runs in
// production (the Dockerfile sets NODE_ENV=production); BENCH_NODE_ENV=test compares.
//
// It also runs the API with production's Node flags (apps/api/node.flags, the file the
// Dockerfile and tools/dev/start.mjs read): a bench started without them runs itself again
// with them, in a child process that inherits the terminal, and exits with its code.
// BENCH_NODE_FLAGS=0 measures without them, and BENCH_NODE_FLAGS=--a,--b with just those
// (to weigh one flag at a time); the report says which ran.
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiNodeFlags, missingNodeFlags } = require('../../tools/services/node-flags.cjs') as typeof import('../../tools/services/node-flags.cjs');

process.env.NODE_ENV = process.env.BENCH_NODE_ENV || 'production';

export const NODE_ENV = process.env.NODE_ENV as 'production' | 'test' | 'development';

/** The flags this process runs the API with: production's, none (BENCH_NODE_FLAGS=0) or a list. */
const flagsKnob = process.env.BENCH_NODE_FLAGS;
export const NODE_FLAGS: string[] =
  flagsKnob === '0'
    ? []
    : flagsKnob && flagsKnob !== '1'
      ? flagsKnob
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : apiNodeFlags();

const missing = missingNodeFlags(NODE_FLAGS);
if (missing.length) {
  // Ctrl-C reaches the child too (same process group); this process only waits for it.
  process.on('SIGINT', () => undefined);
  const child = spawnSync(process.execPath, [...missing, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? (child.signal ? 1 : 0));
}
