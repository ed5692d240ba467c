import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, TestStack } from './support/test-stack';

describe('serving the web client beside the API', () => {
  let s: TestStack;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sl-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    s = await startTestStack('web-serving', { env: { WEB_DIST: dir } });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers page routes with the app, and API paths with the API (never the page)', async () => {
    const page = await fetch(`${s.url}/cases/123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="root"');
    const doc = await fetch(`${s.url}/api/documents/0d000000-0000-4000-8000-0000000000aa`);
    expect(doc.headers.get('content-type')).toContain('application/json');
    expect(doc.status).toBe(401);
    const letter = await fetch(`${s.url}/api/record-requests/0d000000-0000-4000-8000-0000000000aa/letter.pdf`);
    expect(letter.status).toBe(401);
    const health = await fetch(`${s.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});
