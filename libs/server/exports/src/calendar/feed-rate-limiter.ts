import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const MINUTES = 60;

/**
 * The feed URL is a public door (its secret is the only key), so it is limited in Redis, across
 * API replicas. Calendar services fetch many people's feeds from a few shared addresses, so
 * successful fetches are not limited per address: unknown secrets are (guessing), and each
 * feed has its own budget (a runaway client).
 */
export const FEED_LIMITS = {
  /** Fetches with a secret that opens nothing, per address. */
  missesPerIp: { points: 20, durationSeconds: 15 * MINUTES },
  /** Fetches of one feed, from anywhere: calendar services refresh every few hours at most. */
  fetchesPerFeed: { points: 60, durationSeconds: 60 * MINUTES },
} as const;

@Injectable()
export class FeedRateLimiter {
  private readonly misses: RateLimiterRedis;
  private readonly fetches: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const make = (prefix: string, l: { points: number; durationSeconds: number }) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.redisPrefix}:rl:${prefix}`, points: l.points, duration: l.durationSeconds });
    this.misses = make('feed:miss-ip', FEED_LIMITS.missesPerIp);
    this.fetches = make('feed:fetch', FEED_LIMITS.fetchesPerFeed);
  }

  /** Seconds to wait when this address has missed too often; null when it may try. */
  async blockedFor(ip: string | null): Promise<number | null> {
    const res = await this.misses.get(ip ?? 'unknown');
    return res && res.consumedPoints >= FEED_LIMITS.missesPerIp.points ? Math.ceil(res.msBeforeNext / 1000) : null;
  }

  async missed(ip: string | null): Promise<void> {
    await this.misses.penalty(ip ?? 'unknown', 1);
  }

  /** Seconds to wait when this feed was fetched too often; null when it may be read. */
  async fetch(feedKey: string): Promise<number | null> {
    try {
      await this.fetches.consume(feedKey);
      return null;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.ceil(e.msBeforeNext / 1000);
      throw e;
    }
  }
}
