import { Inject, Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@second-look/domain';
import { APP_CONFIG, AppConfig, REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export const LOGIN_LIMITS = {
  perAccount: { points: 5, durationSeconds: 15 * 60 },
  perIp: { points: 30, durationSeconds: 15 * 60 },
} as const;

/**
 * Counts every sign-in attempt (and other credential-guessing doors: sign-up, accepting an
 * invitation) per account and per IP in Redis, so the limit holds across API replicas.
 * It is consumed inside the resolver, so each operation of a batched request, and each
 * aliased field, counts on its own.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.byAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:login:acct`,
      points: LOGIN_LIMITS.perAccount.points,
      duration: LOGIN_LIMITS.perAccount.durationSeconds,
    });
    this.byIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:login:ip`,
      points: LOGIN_LIMITS.perIp.points,
      duration: LOGIN_LIMITS.perIp.durationSeconds,
    });
  }

  async consume(ip: string | null, account?: string): Promise<void> {
    try {
      await this.byIp.consume(ip ?? 'unknown');
      if (account) await this.byAccount.consume(account.toLowerCase());
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.ceil(e.msBeforeNext / 1000);
        throw new DomainError(DomainErrorCode.RATE_LIMITED, 'Too many attempts. Please wait a few minutes and try again.', { retryAfterSeconds });
      }
      throw e;
    }
  }

  /** A successful sign-in clears the account's count, so a typo earlier does not linger. */
  async reset(account: string): Promise<void> {
    await this.byAccount.delete(account.toLowerCase());
  }
}
