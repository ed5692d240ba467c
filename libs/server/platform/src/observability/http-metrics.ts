import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Metrics } from './metrics';

/** A bounded route label: the matched route's pattern, else the area of the path. */
function routeOf(req: Request): string {
  const path = req.originalUrl.split('?')[0] ?? '/';
  if (path.startsWith('/graphql')) return '/graphql';
  if (path.startsWith('/health')) return '/health';
  if (path.startsWith('/assets/')) return '/assets';
  const route = (req as { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  return req.method === 'GET' ? 'page' : 'other';
}

/** HTTP request durations by method, route pattern and status (http_request_duration_seconds). */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.once('finish', () => {
      metrics.httpDuration.observe({ method: req.method, route: routeOf(req), status: String(res.statusCode) }, (performance.now() - started) / 1000);
    });
    next();
  };
}
