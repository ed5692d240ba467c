import { execFileSync } from 'node:child_process';
import { get, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, TestStack } from './support/test-stack';

/** The bytes as sent (fetch would undo the Content-Encoding). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};`;

describe('serving the web client beside the API', () => {
  let s: TestStack;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sl-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Second Look</title></head><body><div id="root"></div></body></html>');
    writeFileSync(join(dir, 'route-preloads.json'), JSON.stringify({ signIn: ['/assets/sign-in-page-S1.js', '/assets/PasswordInput-P1.js'], publicPaths: '^\\/(sign-in|sign-up|invite)(\\/|$)' }));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-Ab12.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'index-Ab12.css'), 'body{margin:0}');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => undefined);');
    writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Second Look', start_url: '/' }));
    // The build's own step, so what is served is what the build writes.
    execFileSync(process.execPath, ['tools/web/precompress.mjs', join(dir, 'assets')], { stdio: 'ignore' });
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

  it("preloads the sign-in page's chunks where a visitor lands on it: at /sign-in, and at a signed-in address without a session cookie", async () => {
    const links = async (path: string, cookie?: string) => {
      const res = await fetch(`${s.url}${path}`, { headers: cookie ? { cookie } : {} });
      expect(res.headers.get('vary')).toContain('Cookie');
      const html = await res.text();
      expect(html).toContain('id="root"');
      return [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    };
    const signIn = ['/assets/sign-in-page-S1.js', '/assets/PasswordInput-P1.js'];
    const caseAddress = '/cases/0c000000-0000-4000-8000-000000000001';
    expect(await links('/sign-in')).toEqual(signIn);
    expect(await links('/sign-in', 'sl_session=abc')).toEqual(signIn);
    // No session: the app will send the visitor to sign in (a device cookie is no session).
    expect(await links(caseAddress)).toEqual(signIn);
    expect(await links(caseAddress, 'sl_device=abc')).toEqual(signIn);
    expect(await links('/')).toEqual(signIn);
    // A session: the signed-in screen, as built. Other public pages are theirs, as built.
    expect(await links(caseAddress, 'sl_session=abc')).toEqual([]);
    expect(await links('/', 'sl_session=abc')).toEqual([]);
    expect(await links('/sign-up')).toEqual([]);
    expect(await links('/invite/abc')).toEqual([]);
    expect(await links('/index.html')).toEqual([]);
  });

  it('serves hashed assets precompressed (brotli, else gzip, else plain) and cached for a year', async () => {
    const url = `${s.url}/assets/index-Ab12.js`;
    const brotli = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toContain('javascript');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['vary']).toContain('Accept-Encoding');
    expect(brotli.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);

    const css = await rawGet(`${s.url}/assets/index-Ab12.css`, { 'accept-encoding': 'br' });
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['content-encoding']).toBe('br');
  });

  it('revalidates the page itself, and answers a missing asset with 404, not the page', async () => {
    const page = await fetch(`${s.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const missing = await fetch(`${s.url}/assets/index-Old1.js`, { headers: { 'accept-encoding': 'br' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect(await missing.text()).not.toContain('id="root"');
  });

  it('serves the service worker as a script revalidated on every load, and the web manifest with its own type', async () => {
    const worker = await fetch(`${s.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(await worker.text()).toContain('addEventListener');
    // The page's CSP lets a worker and a manifest come from the site itself.
    const csp = (await fetch(`${s.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");

    const manifest = await fetch(`${s.url}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(await manifest.json()).toMatchObject({ name: 'Second Look' });
  });
});
