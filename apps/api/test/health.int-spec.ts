import { ReadinessService, startHealthServer } from '@second-look/server-database';
import { Agent, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { startTestStack, TestStack } from './support/test-stack';

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('health: liveness, readiness and draining on shutdown', () => {
  let s: TestStack;
  let closed = false;

  beforeAll(async () => {
    s = await startTestStack('health', { worker: true, mail: true, env: { SHUTDOWN_DRAIN_MS: '1500' } });
  });
  afterAll(async () => {
    if (!closed) await s?.close();
  });

  it('is not ready while a migration of this release is pending, and ready once it has run', async () => {
    await s.ds.undoLastMigration({ transaction: 'each' });
    const pending = await get(`${s.url}/health/ready`);
    expect(pending).toEqual({ status: 503, body: { status: 'unavailable', ready: false, db: 'up', redis: 'up', migrations: 'pending', draining: false } });
    // Still alive: an orchestrator must not restart a process that only waits for its schema.
    expect((await get(`${s.url}/health/live`)).status).toBe(200);
    await s.ds.runMigrations({ transaction: 'each' });
    expect(await get(`${s.url}/health/ready`)).toEqual({ status: 200, body: { status: 'ok', ready: true, db: 'up', redis: 'up', migrations: 'current', draining: false } });
    // /health is readiness, as start scripts and the image's health check have always read it.
    expect((await get(`${s.url}/health`)).body).toMatchObject({ status: 'ok', ready: true });
  });

  it("serves the worker's readiness on its own small port, and nothing else there", async () => {
    const readiness = s.worker!.get(ReadinessService);
    const server: Server = await startHealthServer(readiness, 0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await get(`${base}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect((await get(`${base}/health/ready`)).body).toMatchObject({ status: 'ok', ready: true, migrations: 'current' });
      expect((await fetch(`${base}/graphql`)).status).toBe(404);
      expect((await fetch(`${base}/health/ready`, { method: 'POST' })).status).toBe(404);
      readiness.beforeApplicationShutdown();
      expect(await get(`${base}/health/ready`)).toMatchObject({ status: 503, body: { ready: false, draining: true } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('on shutdown turns not ready at once and keeps answering for the drain time before closing', async () => {
    // A balancer checking readiness every 50 ms on one keep-alive connection, through the drain
    // and after: the server's close only ends connections idle at that moment, so without
    // "Connection: close" this one would hold the process open for good.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const probe = () =>
      new Promise<{ status: number; connection: string | undefined } | null>((resolve) => {
        const req = request(`${s.url}/health/ready`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', () => resolve(null));
        req.end();
      });
    expect(await probe()).toEqual({ status: 200, connection: 'keep-alive' });
    const drainAnswers: Array<{ status: number; connection: string | undefined }> = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const answer = await probe();
        if (answer) drainAnswers.push(answer);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const started = Date.now();
    const closing = s.close();
    closed = true;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = await get(`${s.url}/health/ready`);
    expect(during).toMatchObject({ status: 503, body: { ready: false, draining: true } });
    // Requests in flight or arriving during the drain are still answered.
    expect((await get(`${s.url}/health/live`)).status).toBe(200);
    const gql = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(gql.status).toBe(200);
    const finished = await Promise.race([closing.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    polling = false;
    await poller;
    agent.destroy();
    expect({ closedWithin10s: finished }).toEqual({ closedWithin10s: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(drainAnswers.filter((a) => a.status === 503).length).toBeGreaterThan(5);
    expect(drainAnswers.filter((a) => a.status === 503).every((a) => a.connection === 'close')).toBe(true);
    await expect(fetch(`${s.url}/health/live`)).rejects.toThrow();
  });
});
