import Redis, { Cluster, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** What REDIS_URL says besides the address: user, password, database number and TLS (`rediss:`). */
export function redisUrlOptions(url: string): RedisOptions {
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, '') || 0);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * A new ioredis client for the configured topology (docs/operations.md, "Past one machine"):
 * REDIS_URL alone, Sentinel (REDIS_SENTINELS: the client asks the sentinels for the current
 * master and follows a failover), or Cluster (REDIS_CLUSTER_NODES). A Cluster client answers the
 * same commands as a single one (keys of one prefix share a slot, see REDIS_PREFIX), so callers
 * hold it as `Redis`.
 */
export function createRedisClient(config: Pick<AppConfig, 'redisUrl' | 'redisTopology'>, options: RedisOptions = {}): Redis {
  const t = config.redisTopology;
  switch (t.mode) {
    case 'single':
      return new Redis(config.redisUrl, options);
    case 'sentinel':
      return new Redis({ ...redisUrlOptions(config.redisUrl), ...options, sentinels: t.sentinels, name: t.name, ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}) });
    case 'cluster': {
      const { db: _db, ...redisOptions } = { ...redisUrlOptions(config.redisUrl), ...options }; // a cluster has database 0 only
      return new Cluster(t.nodes, {
        redisOptions,
        ...(options.lazyConnect !== undefined ? { lazyConnect: options.lazyConnect } : {}),
        ...(options.enableReadyCheck !== undefined ? { enableReadyCheck: options.enableReadyCheck } : {}),
      }) as unknown as Redis;
    }
  }
}
