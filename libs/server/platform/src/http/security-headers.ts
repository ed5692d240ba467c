import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

/** Where the built index.html asks for the per-response style nonce (apps/web/index.html). */
export const CSP_NONCE_PLACEHOLDER = 'csp-nonce-placeholder';

/** The nonce of this response's CSP (set by securityHeaders before any handler runs). */
export function cspNonce(res: Response): string {
  return (res.locals as { cspNonce?: string }).cspNonce ?? '';
}

/** Powerful browser features the app never uses, denied to it and to anything it embeds. */
const PERMISSIONS_POLICY = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'display-capture'].map((f) => `${f}=()`).join(', ');

/**
 * Security headers on every answer: pages, /graphql, /api/* and /health (helmet).
 *
 * The CSP is strict for scripts: 'self' only, no inline script and no eval (the built client is
 * plain module files). Styles need one exception: Mantine's MantineProvider renders `<style>`
 * elements at run time (the theme's CSS variables and its global classes), and inline `<style>`
 * elements are blocked by `style-src 'self'`. Rather than 'unsafe-inline', each answer carries
 * a fresh nonce that the served index.html hands to MantineProvider's getStyleNonce (see
 * serveWeb in apps/api/src/bootstrap.ts and apps/web/src/main.tsx). Style *properties* that
 * React and floating elements set from script go through the CSSOM, which CSP does not govern.
 * Images allow `data:` (the favicon and Mantine's inline SVG backgrounds) and `blob:` (document
 * previews made in the browser).
 *
 * HSTS only in production behind TLS (COOKIE_SECURE on): over plain HTTP it would lock a
 * development machine's browser out of http://localhost for a year.
 */
export function securityHeaders(config: Pick<AppConfig, 'isProduction' | 'cookieSecure'>): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", (_req, res) => `'nonce-${cspNonce(res as Response)}'`],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // The live socket (graphql-ws) is on the same host as the page; name it explicitly, as
        // older engines do not count ws:/wss: as 'self'.
        connectSrc: ["'self'", (req) => liveSocketOrigin(req as Request)],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        frameSrc: ["'none'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
    strictTransportSecurity: config.isProduction && config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    // Document downloads are opened in a new tab from the app's own origin only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  const permissions: RequestHandler = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  };
  return [nonce, headers, permissions];
}

/** ws:// or wss:// for the host this page was asked for (behind TRUST_PROXY, the proxy's scheme). */
function liveSocketOrigin(req: Request): string {
  const host = req.get('host') ?? '';
  // Host is checked by Node's HTTP parser; still refuse anything but a host[:port] shape here.
  if (!/^[A-Za-z0-9.\-[\]:]+$/.test(host)) return "'self'";
  return `${req.secure ? 'wss' : 'ws'}://${host}`;
}
