import { ReadinessService, startHealthServer } from '@second-look/server-database';
import { Server } from 'node:http';
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
    await closing;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    await expect(fetch(`${s.url}/health/live`)).rejects.toThrow();
  });
});
