// The Node.js line Second Look supports is the one in .nvmrc (see docs/operations.md, "Node.js").
// `npm start` and `npm test` call runOnSupportedNode() first: on an older or newer Node they say
// so in one line, fetch the supported one the way CI does (tools/node/node-env.sh, from the npm
// registry into a cache folder) and run themselves again under it, with it first on PATH for
// every child. If it cannot be had, they go on under the Node they were given, after a notice.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SUPPORTED_MAJOR = Number(fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim());

/**
 * Resolves at once when this process already runs the supported line (or could not switch);
 * otherwise never resolves, and the process exits with the code of its run under that line.
 * Await it before doing anything else.
 */
export async function runOnSupportedNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major === SUPPORTED_MAJOR || process.env.SECOND_LOOK_ANY_NODE === '1') return;
  const notice = `Second Look runs on Node.js ${SUPPORTED_MAJOR} LTS; this is ${process.version}.`;
  const found = spawnSync('bash', [path.join(root, 'tools/node/node-env.sh'), '--bin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = found.status === 0 ? found.stdout.trim() : '';
  if (!bin || !fs.existsSync(path.join(bin, 'node'))) {
    console.warn(`${notice} Could not fetch it, so going on with ${process.version} (unsupported).`);
    return;
  }
  console.log(`${notice} Using ${bin}/node instead (fetched once, as CI does).`);
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, SECOND_LOOK_ANY_NODE: '1' };
  const child = spawn(path.join(bin, 'node'), [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  // Ctrl-C reaches the child through the terminal's process group; other signals are passed on.
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  process.on('SIGINT', () => undefined);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  // Nothing else of the caller may run: the child's handle keeps this process alive until then.
  return new Promise(() => undefined);
}
