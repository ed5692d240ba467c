import { NestExpressApplication } from '@nestjs/platform-express';
import { CSP_NONCE_PLACEHOLDER, cspNonce } from '@second-look/server-platform';
import express from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** The files vite-plugin-pwa writes at the top of the build (apps/web/vite.config.ts). */
const SERVICE_WORKER = 'sw.js';
const WEB_MANIFEST = 'manifest.webmanifest';

/** Encodings the build writes beside each asset (tools/web/precompress.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The built web client on the same origin as /graphql: one cookie, no CORS.
 *
 * Assets under /assets/ have content-hashed names, so they are cached for a year and never
 * revalidated; the build compresses them once (brotli and gzip), and each request gets the
 * best encoding its Accept-Encoding allows with no compression work in the API. index.html and
 * the app's routes are revalidated on every load, so a new release is picked up at once; the page
 * carries this answer's CSP style nonce (see securityHeaders), so it is filled in per answer and
 * never served as a static file.
 */
export function serveWebClient(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST is set to ${dir} but it has no index.html; run "npm run build" first.`);
  const [before, after] = readFileSync(index, 'utf8').split(CSP_NONCE_PLACEHOLDER, 2);
  const sendPage = (res: express.Response): void => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(after === undefined ? before : `${before}${cspNonce(res)}${after}`);
  };
  const assetsDir = join(dir, 'assets');
  const precompressed = new Set(existsSync(assetsDir) ? readdirSync(assetsDir) : []);

  app.use('/assets', (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let name: string;
    try {
      name = decodeURIComponent(req.path.slice(1));
    } catch {
      return next();
    }
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = ENCODINGS.find((e) => accepted.has(e.name) && precompressed.has(name + e.suffix));
    if (encoding) {
      // Typed by the original name (express.static would type it by .br / .gz otherwise).
      res.type(extname(name));
      res.setHeader('Content-Encoding', encoding.name);
      req.url = `/${encodeURIComponent(name + encoding.suffix)}`;
    }
    next();
  });
  app.use('/assets', express.static(assetsDir, { index: false, immutable: true, maxAge: '365d' }));
  // A missing asset (an old page asking for last release's chunk) is a plain 404, never the app.
  app.use('/assets', (_req: express.Request, res: express.Response) => {
    res.removeHeader('Content-Encoding');
    res.status(404).type('text/plain').send('Not found');
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => (req.path === '/index.html' ? sendPage(res) : next()));
  // Anything else in the build (favicon and the like): cached briefly, revalidated by ETag. The
  // service worker (sw.js, which keeps the app shell on a device its person called their own) and
  // the web manifest are revalidated on every load instead, so a new release reaches devices at
  // once; the worker's scope is the whole site from where it is served, so it needs no
  // Service-Worker-Allowed header.
  app.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        const name = basename(path);
        if (name === SERVICE_WORKER) {
          res.setHeader('Cache-Control', 'no-cache');
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        } else if (name === WEB_MANIFEST) {
          res.setHeader('Cache-Control', 'no-cache');
          res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
        }
      },
    }),
  );
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    // Only page routes fall back to the app; the API's own paths must reach their handlers.
    if (req.method !== 'GET' || /^\/(graphql|health|api)(\/|$)/.test(req.path)) return next();
    sendPage(res);
  });
}

/** The encodings an Accept-Encoding header allows (q=0 refuses one). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Set<string>();
  for (const part of value.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (token && !(q && Number(q.slice(2)) === 0)) accepted.add(token.trim());
  }
  return accepted;
}
