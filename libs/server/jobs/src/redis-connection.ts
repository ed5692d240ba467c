import { type AppConfig, createRedisClient, redisUrlOptions } from '@second-look/server-platform';
import type { ConnectionOptions } from 'bullmq';

/**
 * BullMQ's own connection, for the configured Redis topology. Workers need
 * maxRetriesPerRequest: null. With one address or Sentinel, BullMQ gets options and opens (and
 * closes) its connections itself; with Cluster it needs a cluster client, which its queues share
 * and its workers duplicate. Cluster also needs REDIS_PREFIX in hash-tag form (`{sl}`), which the
 * configuration check insists on, so that each queue's keys share one slot.
 */
export function bullConnection(config: Pick<AppConfig, 'redisUrl' | 'redisTopology'>): ConnectionOptions {
  const t = config.redisTopology;
  if (t.mode === 'single') return { url: config.redisUrl, maxRetriesPerRequest: null };
  if (t.mode === 'sentinel') {
    // ioredis's RedisOptions and BullMQ's own copy of that type differ in details; these fields are plain ioredis options.
    const fromUrl: Record<string, unknown> = { ...redisUrlOptions(config.redisUrl) };
    return { ...fromUrl, maxRetriesPerRequest: null, sentinels: t.sentinels, name: t.name, ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}) };
  }
  return createRedisClient(config, { maxRetriesPerRequest: null });
}
