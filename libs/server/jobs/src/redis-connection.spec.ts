import { loadConfig } from '@second-look/server-platform';
import { Cluster } from 'ioredis';
import { bullConnection } from './redis-connection';

const base = { DATABASE_URL: 'postgres://u:p@db:5432/sl', REDIS_URL: 'redis://app:s%40cret@ignored:6379/2' };

describe("BullMQ's connection for each Redis topology", () => {
  it('passes REDIS_URL as it is for one address', () => {
    expect(bullConnection(loadConfig(base))).toEqual({ url: base.REDIS_URL, maxRetriesPerRequest: null });
  });

  it('passes sentinel options, so BullMQ opens and closes its own connections through the sentinels', () => {
    const config = loadConfig({ ...base, REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_NAME: 'sl-main' });
    expect(bullConnection(config)).toEqual({ sentinels: [{ host: 's1', port: 26379 }], name: 'sl-main', username: 'app', password: 's@cret', db: 2, maxRetriesPerRequest: null });
  });

  it('passes a cluster client (BullMQ cannot build one from options)', () => {
    const config = loadConfig({ ...base, REDIS_CLUSTER_NODES: 'n1:7000', REDIS_PREFIX: '{sl}' });
    const c = bullConnection({ ...config, redisTopology: config.redisTopology }) as unknown as Cluster;
    expect(c).toBeInstanceOf(Cluster);
    expect(c.options.redisOptions?.maxRetriesPerRequest).toBeNull();
    c.disconnect();
  });
});
