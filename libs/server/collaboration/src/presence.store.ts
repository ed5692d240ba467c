import { Inject, Injectable } from '@nestjs/common';
import { Role } from '@second-look/domain';
import { APP_CONFIG, AppConfig, REDIS } from '@second-look/server-platform';
import Redis from 'ioredis';
import { presenceChannel } from './case-event';
import { RedisPubSub } from './redis-pubsub';

export interface PresenceEntry {
  /** `${userId}:${viewId}`: one entry per open case page (a person may have two tabs). */
  key: string;
  userId: string;
  role: Role;
  /** What they are editing now ("questions", "summary"...), or null when just viewing. */
  editing: string | null;
  since: string;
}

export const PRESENCE = {
  /** An entry not refreshed for this long is gone (its process died, its phone dropped). */
  ttlMs: 45_000,
  /** How often an open subscription refreshes its own entry and re-reads the others. */
  refreshMs: 15_000,
} as const;

/**
 * Who is looking at a case now, in Redis so every replica sees the same list. A sorted set
 * scores each entry by its expiry time (Redis 7.0 has no per-field TTL on hashes); a hash
 * holds the details. Reads drop expired entries first, so a crashed replica's viewers fade
 * out within the TTL even though nobody said goodbye.
 */
@Injectable()
export class PresenceStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pubsub: RedisPubSub,
  ) {}

  private keys(caseId: string) {
    const base = `${this.config.redisPrefix}:presence:${caseId}`;
    return { expiry: `${base}:exp`, data: `${base}:data` };
  }

  async upsert(caseId: string, entry: PresenceEntry, now = Date.now()): Promise<void> {
    const k = this.keys(caseId);
    await this.redis
      .multi()
      .zadd(k.expiry, now + PRESENCE.ttlMs, entry.key)
      .hset(k.data, entry.key, JSON.stringify(entry))
      .pexpire(k.expiry, PRESENCE.ttlMs * 2)
      .pexpire(k.data, PRESENCE.ttlMs * 2)
      .exec();
  }

  /** Refreshes an entry's expiry only if it is still there (a leave is never undone by a late heartbeat). */
  async touch(caseId: string, key: string, now = Date.now()): Promise<void> {
    const k = this.keys(caseId);
    await this.redis
      .multi()
      .zadd(k.expiry, 'XX', now + PRESENCE.ttlMs, key)
      .pexpire(k.expiry, PRESENCE.ttlMs * 2)
      .pexpire(k.data, PRESENCE.ttlMs * 2)
      .exec();
  }

  async get(caseId: string, key: string): Promise<PresenceEntry | null> {
    const raw = await this.redis.hget(this.keys(caseId).data, key);
    return raw ? (JSON.parse(raw) as PresenceEntry) : null;
  }

  async remove(caseId: string, key: string): Promise<void> {
    const k = this.keys(caseId);
    await this.redis.multi().zrem(k.expiry, key).hdel(k.data, key).exec();
  }

  async list(caseId: string, now = Date.now()): Promise<PresenceEntry[]> {
    const k = this.keys(caseId);
    const expired = await this.redis.zrangebyscore(k.expiry, '-inf', now);
    if (expired.length)
      await this.redis
        .multi()
        .zremrangebyscore(k.expiry, '-inf', now)
        .hdel(k.data, ...expired)
        .exec();
    const live = await this.redis.zrange(k.expiry, 0, -1);
    if (!live.length) return [];
    const raw = await this.redis.hmget(k.data, ...live);
    return raw
      .filter((r): r is string => !!r)
      .map((r) => JSON.parse(r) as PresenceEntry)
      .sort((a, b) => a.since.localeCompare(b.since));
  }

  /** Tells every replica's presence subscriptions on this case to re-read the list. */
  changed(caseId: string): Promise<void> {
    return this.pubsub.publish(presenceChannel(caseId), { caseId, at: Date.now() });
  }
}
