import { Cluster } from 'ioredis';
import { ConfigError, loadConfig } from '../config/app-config';
import { createRedisClient } from './redis-client';

const base = { DATABASE_URL: 'postgres://u:p@db:5432/sl', REDIS_URL: 'redis://app:s%40cret@ignored:6379/2' };

describe('Redis topology from the configuration (REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES)', () => {
  it('uses REDIS_URL alone by default', () => {
    const config = loadConfig(base);
    expect(config.redisTopology).toEqual({ mode: 'single' });
    const c = createRedisClient(config, { lazyConnect: true });
    expect(c.options).toMatchObject({ host: 'ignored', port: 6379, username: 'app', password: 's@cret', db: 2 });
    c.disconnect();
  });

  it('asks the sentinels for the master, with the credentials and database of REDIS_URL', () => {
    const config = loadConfig({ ...base, REDIS_SENTINELS: 's1:26379, [::1]:26380', REDIS_SENTINEL_NAME: 'sl-main', REDIS_SENTINEL_PASSWORD: 'watch' });
    const sentinels = [
      { host: 's1', port: 26379 },
      { host: '::1', port: 26380 },
    ];
    expect(config.redisTopology).toEqual({ mode: 'sentinel', sentinels, name: 'sl-main', sentinelPassword: 'watch' });
    const c = createRedisClient(config, { lazyConnect: true, maxRetriesPerRequest: 2 });
    expect(c.options).toMatchObject({ sentinels, name: 'sl-main', sentinelPassword: 'watch', username: 'app', password: 's@cret', db: 2, maxRetriesPerRequest: 2 });
    c.disconnect();
  });

  it('builds a cluster client (database 0, TLS from rediss:) hosts from REDIS_CLUSTER_NODES', () => {
    const config = loadConfig({ ...base, REDIS_URL: 'rediss://:pw@ignored:6379/3', REDIS_CLUSTER_NODES: 'n1:7000,n2:7001', REDIS_PREFIX: '{sl}' });
    expect(config.redisTopology).toEqual({
      mode: 'cluster',
      nodes: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7001 },
      ],
    });
    const c = createRedisClient(config, { lazyConnect: true }) as unknown as Cluster;
    expect(c).toBeInstanceOf(Cluster);
    expect(c.options.redisOptions).toEqual({ password: 'pw', tls: {}, lazyConnect: true });
    c.disconnect();
  });

  it('refuses a cluster without a hash-tag prefix, both topologies at once, and malformed host lists', () => {
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ REDIS_CLUSTER_NODES: 'n1:7000' })).toContain('REDIS_PREFIX: must be a hash tag such as {sl}');
    expect(refused({ REDIS_CLUSTER_NODES: 'n1:7000', REDIS_PREFIX: '{sl}x' })).toContain('REDIS_PREFIX');
    expect(refused({ REDIS_CLUSTER_NODES: 'n1:7000', REDIS_SENTINELS: 's1:26379', REDIS_PREFIX: '{sl}' })).toContain('cannot be set together');
    expect(refused({ REDIS_SENTINELS: 's1' })).toContain('REDIS_SENTINELS: must be a comma-separated list of host:port');
    expect(refused({ REDIS_CLUSTER_NODES: 'n1:99999', REDIS_PREFIX: '{sl}' })).toContain('REDIS_CLUSTER_NODES');
  });
});
