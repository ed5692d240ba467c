import { securityHeaders } from '@second-look/server-platform';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, TestStack } from './support/test-stack';

/** What every answer must carry (security-headers.ts in libs/server/platform). */
function expectSecurityHeaders(h: Headers, what: string): void {
  const csp = h.get('content-security-policy') ?? '';
  expect({ what, csp }).toEqual({ what, csp: expect.stringContaining("script-src 'self';") });
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "default-src 'self'"]) {
    expect({ what, csp }).toEqual({ what, csp: expect.stringContaining(directive) });
  }
  expect({ what, csp }).toEqual({ what, csp: expect.not.stringMatching(/unsafe-inline|unsafe-eval/) });
  expect({ what, nosniff: h.get('x-content-type-options') }).toEqual({ what, nosniff: 'nosniff' });
  expect({ what, frame: h.get('x-frame-options') }).toEqual({ what, frame: 'DENY' });
  expect({ what, referrer: h.get('referrer-policy') }).toEqual({ what, referrer: 'no-referrer' });
  const permissions = h.get('permissions-policy') ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) {
    expect({ what, permissions }).toEqual({ what, permissions: expect.stringContaining(feature) });
  }
  // Plain HTTP in a test: no HSTS (see the production case below).
  expect({ what, hsts: h.get('strict-transport-security') }).toEqual({ what, hsts: null });
}

describe('security headers on every answer', () => {
  let s: TestStack;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sl-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta name="csp-nonce" content="csp-nonce-placeholder"><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    s = await startTestStack('security-headers', { env: { WEB_DIST: dir } });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages, assets, /graphql, /api/* and /health carry them, errors included', async () => {
    const signedIn = await s.signIn('advocate@harbor.example');
    const gql = (body: string, cookie = true) =>
      fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie && signedIn.cookie ? { cookie: signedIn.cookie } : {}) }, body });
    const answers: Array<[string, Promise<Response>]> = [
      ['page /', fetch(`${s.url}/`)],
      ['page /cases/123', fetch(`${s.url}/cases/123`)],
      ['page /index.html', fetch(`${s.url}/index.html`)],
      ['asset', fetch(`${s.url}/assets/app.js`)],
      ['/graphql query', gql(JSON.stringify({ query: '{ me { id } }' }))],
      ['/graphql error', gql(JSON.stringify({ query: '{ nope }' }))],
      ['/graphql unparsable body', gql('{', false)],
      ['/graphql GET refused by CSRF prevention', fetch(`${s.url}/graphql?query=%7Bme%7Bid%7D%7D`)],
      ['/api document, signed out', fetch(`${s.url}/api/documents/0d000000-0000-4000-8000-0000000000aa`)],
      ['/api letter, signed out', fetch(`${s.url}/api/record-requests/0d000000-0000-4000-8000-0000000000aa/letter.pdf`)],
      ['/api unknown route', fetch(`${s.url}/api/nothing-here`)],
      ['/health', fetch(`${s.url}/health`)],
    ];
    for (const [what, answer] of answers) {
      const res = await answer;
      await res.arrayBuffer();
      expectSecurityHeaders(res.headers, what);
    }
    console.log(`security headers checked on ${answers.length} kinds of answer: ${answers.map(([w]) => w).join('; ')}`);
  });

  it('a page carries a fresh style nonce, the same one its CSP names', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${s.url}/cases`);
      const html = await res.text();
      const inPage = /name="csp-nonce" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(inPage).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(res.headers.get('content-security-policy')).toContain(`style-src 'self' 'nonce-${inPage}'`);
      nonces.add(inPage);
    }
    expect(nonces.size).toBe(3);
  });

  it('lets the page open its live socket on its own host', async () => {
    const res = await fetch(`${s.url}/cases`);
    const host = new URL(s.url).host;
    expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://${host}`);
  });

  it('sends HSTS only in production behind TLS (COOKIE_SECURE)', async () => {
    const hsts = async (config: { isProduction: boolean; cookieSecure: boolean }) => {
      const app = express();
      app.use(...securityHeaders(config));
      app.get('/', (_req, res) => res.send('ok'));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      try {
        const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        return res.headers.get('strict-transport-security');
      } finally {
        server.close();
      }
    };
    expect(await hsts({ isProduction: true, cookieSecure: true })).toBe('max-age=31536000; includeSubDomains');
    expect(await hsts({ isProduction: true, cookieSecure: false })).toBeNull();
    expect(await hsts({ isProduction: false, cookieSecure: true })).toBeNull();
  });
});
