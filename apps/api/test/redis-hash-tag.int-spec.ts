import { REDIS } from '@second-look/server-platform';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { startTestStack, TestStack } from './support/test-stack';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const keySlot = require('cluster-key-slot') as (key: string) => number; // ioredis's own slot function

/**
 * REDIS_PREFIX in Redis Cluster's hash-tag form (`{…}`, docs/operations.md "Past one machine"):
 * the API and the worker run on it against the real (single) Redis, jobs go through BullMQ and
 * are delivered, and every key the run wrote, queues included, falls in one hash slot, as a
 * cluster requires of BullMQ's multi-key scripts. Cluster itself is not started here (none runs
 * on these machines); this proves the prefix, not the cluster.
 */
describe('Redis keys and queues under a hash-tag prefix', () => {
  const prefix = `{t${randomBytes(4).toString('hex')}}`;
  let s: TestStack;

  beforeAll(async () => {
    s = await startTestStack('redis-hash-tag', { worker: true, env: { REDIS_PREFIX: prefix } });
  });
  afterAll(() => s?.close());

  it('delivers jobs through BullMQ and keeps every key of the run in one hash slot', async () => {
    const admin = await s.signIn('admin@harbor.example'); // the sign-in rate limits write keys too
    await admin.ok(`mutation { inviteStaff(input: { email: "hash-tag@example.org", role: ADVOCATE }) { id } }`);
    const mail = await s.mail!.waitFor((m) => m.to.includes('hash-tag@example.org'), 20_000);
    expect(mail.messageId).toMatch(/@second-look\.local>$/);

    const redis = s.app.get<Redis>(REDIS);
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const queueKeys = keys.filter((k) => k.startsWith(`${prefix}:bull:email:`));
    expect(queueKeys.length).toBeGreaterThan(0); // the e-mail queue's keys
    expect(keys.some((k) => k.startsWith(`${prefix}:bull:maintenance:`))).toBe(true); // the worker's job schedulers
    expect(new Set(keys.map(keySlot))).toEqual(new Set([keySlot(prefix.slice(1, -1))]));
    // Without the braces the same queues would spread over many slots.
    expect(new Set(keys.map((k) => keySlot(k.replace(/[{}]/g, '')))).size).toBeGreaterThan(1);
  });
});
