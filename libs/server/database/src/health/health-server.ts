import { createServer, Server } from 'node:http';
import { ReadinessService } from './readiness.service';

/**
 * The worker's health port (it has no HTTP server of its own): GET /health/live answers 200 while
 * the process runs; GET /health/ready (and /health) 200 or 503 from the readiness check. Nothing
 * else is served, and nothing of a patient's is in an answer.
 */
export async function startHealthServer(readiness: ReadinessService, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || !['/health', '/health/live', '/health/ready'].includes(path ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    if (path === '/health/live') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    readiness.check().then(
      (report) => res.writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: report.ready ? 'ok' : 'unavailable', ...report })),
      () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"unavailable"}'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
