// Builds what runs in production: the server code (API, worker and their libraries) with swc
// into dist/ (tsconfig path aliases are rewritten to relative paths at compile time), and
// the web client with Vite into dist/apps/web.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const only = process.argv[2]; // "server" or "web" to build one half
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

if (!only || only === 'server') {
  rmSync('dist/server', { recursive: true, force: true });
  run(process.execPath, [
    'node_modules/@swc/cli/bin/swc.js',
    'apps/api/src',
    'apps/worker/src',
    'libs/domain/src',
    'libs/contracts/src',
    'libs/server',
    '-d',
    'dist/server',
    '--config-file',
    '.swcrc',
    '--copy-files',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts',
  ]);
}
if (!only || only === 'web') {
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts']);
  run(process.execPath, ['tools/web/precompress.mjs', 'dist/apps/web/assets']);
}
