// The module-boundary rule (@nx/enforce-module-boundaries) reads the project tags from Nx's cached
// project graph in .nx/workspace-data, and when that cache is missing it only warns and checks
// nothing. A fresh checkout, CI and the test runner have no cache, so the lint config builds it
// first, and builds it again when a project.json (its tags) or nx.json is newer than the cache.
import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'tmp', '.git', '.nx', 'test-results', 'playwright-report', '.data']);

function newestProjectFile(dir, newest = 0) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = newestProjectFile(p, newest);
    else if (e.name === 'project.json') newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureProjectGraph(root) {
  const cache = path.join(root, '.nx', 'workspace-data', 'project-graph.json');
  const cachedAt = fs.existsSync(cache) ? fs.statSync(cache).mtimeMs : 0;
  const changedAt = Math.max(fs.statSync(path.join(root, 'nx.json')).mtimeMs, ...['apps', 'libs', 'e2e'].map((d) => newestProjectFile(path.join(root, d))));
  if (cachedAt > changedAt) return;
  process.env.NX_DAEMON ??= 'false';
  const { createProjectGraphAsync } = await import('@nx/devkit');
  await createProjectGraphAsync({ exitOnError: false });
  // Nx leaves the file alone when nothing it hashes changed; mark it checked either way.
  if (fs.existsSync(cache)) fs.utimesSync(cache, new Date(), new Date());
}
