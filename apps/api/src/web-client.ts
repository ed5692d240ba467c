import { NestExpressApplication } from '@nestjs/platform-express';
import { CSP_NONCE_PLACEHOLDER, cspNonce } from '@second-look/server-platform';
import { SESSION_COOKIE } from '@second-look/server-identity';
import express from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** The files vite-plugin-pwa writes at the top of the build (apps/web/vite.config.ts). */
const SERVICE_WORKER = 'sw.js';
const WEB_MANIFEST = 'manifest.webmanifest';
/** The sign-in page's chunks beyond index.html's and the public addresses, written by the build (apps/web/vite.config.ts, routePreloads). */
const ROUTE_PRELOADS = 'route-preloads.json';

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
  const page = readFileSync(index, 'utf8');
  const landing = landingPages(page, readRoutePreloads(join(dir, ROUTE_PRELOADS)));
  // Each variant of the page (two at most) is cut around its nonce once, not on every answer.
  const parts = new Map<string, string[]>();
  const sendPage = (req: express.Request, res: express.Response): void => {
    const variant = landing(req.path, hasCookie(req, SESSION_COOKIE));
    if (!parts.has(variant)) parts.set(variant, variant.split(CSP_NONCE_PLACEHOLDER, 2));
    const [before, after] = parts.get(variant)!;
    res.setHeader('Cache-Control', 'no-cache');
    // Whether the sign-in page's chunks are preloaded depends on the session cookie being there.
    res.setHeader('Vary', 'Cookie');
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
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => (req.path === '/index.html' ? sendPage(req, res) : next()));
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
    sendPage(req, res);
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

/** route-preloads.json: the sign-in page's chunks beyond index.html's, and the public addresses (a RegExp source). */
export interface RoutePreloads {
  signIn: string[];
  publicPaths: string;
}

function readRoutePreloads(file: string): RoutePreloads | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RoutePreloads> | null;
  const chunk = (f: unknown) => typeof f === 'string' && /^\/assets\/[\w.-]+\.js$/.test(f);
  if (!Array.isArray(parsed?.signIn) || !parsed.signIn.every(chunk) || typeof parsed.publicPaths !== 'string') {
    throw new Error(`${file} is not what the web build writes; rebuild the web client (npm run build).`);
  }
  return { signIn: parsed.signIn, publicPaths: parsed.publicPaths };
}

/**
 * index.html as served for an address. The sign-in page's own chunks are preloaded (one
 * <link rel=modulepreload> each) at /sign-in, and at any other address but a public one when the
 * request carries no session cookie, since the app sends that visitor to sign in: the browser
 * fetches them beside the entry's own instead of after the entry has run. The signed-in screens get
 * index.html as built: their chunks fetched that early shared a slow link with the entry and
 * delayed the first paint (docs/architecture.md, "First screens").
 */
export function landingPages(page: string, preloads: RoutePreloads | null): (path: string, session: boolean) => string {
  if (!preloads?.signIn.length) return () => page;
  const publicPath = new RegExp(preloads.publicPaths);
  const signIn = page.replace('</head>', `${preloads.signIn.map((f) => `<link rel="modulepreload" crossorigin href="${f}">`).join('')}</head>`);
  return (path, session) => (/^\/sign-in\/?$/.test(path) || (!session && !publicPath.test(path) && path !== '/index.html') ? signIn : page);
}

function hasCookie(req: express.Request, name: string): boolean {
  const cookies = req.cookies as Record<string, string> | undefined;
  return Boolean(cookies?.[name]);
}
