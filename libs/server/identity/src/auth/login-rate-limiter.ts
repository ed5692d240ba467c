import { Inject, Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@second-look/domain';
import { APP_CONFIG, AppConfig, REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export const LOGIN_LIMITS = {
  /** Failed sign-ins per account: guessing one person's password. */
  failuresPerAccount: { points: 5, durationSeconds: 15 * 60 },
  /**
   * Every attempt per IP, successful or not: spraying many accounts from one address. Generous,
   * because a whole clinic or advocacy office often shares one public address.
   */
  attemptsPerIp: { points: 100, durationSeconds: 15 * 60 },
} as const;

/**
 * Credential-guessing doors (sign-in, sign-up, invitation links) are limited in Redis, so the
 * limit holds across API replicas. Limits are checked inside the resolver, so each operation
 * of a batched request, and each aliased field, counts on its own.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failuresByAccount: RateLimiterRedis;
  private readonly attemptsByIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.failuresByAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:login:acct`,
      points: LOGIN_LIMITS.failuresPerAccount.points,
      duration: LOGIN_LIMITS.failuresPerAccount.durationSeconds,
    });
    this.attemptsByIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:login:ip`,
      points: LOGIN_LIMITS.attemptsPerIp.points,
      duration: LOGIN_LIMITS.attemptsPerIp.durationSeconds,
    });
  }

  /**
   * Counts this attempt against the IP and reserves one against the account, atomically, so
   * concurrent operations of one batch cannot all slip past the check. A successful sign-in
   * clears the account's count (reset), so in effect only failures accumulate.
   */
  async consume(ip: string | null, account?: string): Promise<void> {
    try {
      await this.attemptsByIp.consume(ip ?? 'unknown');
      if (account) await this.failuresByAccount.consume(account.toLowerCase());
    } catch (e) {
      throw this.limited(e);
    }
  }

  /** A successful sign-in clears the account's count, so a typo earlier does not linger. */
  async reset(account: string): Promise<void> {
    await this.failuresByAccount.delete(account.toLowerCase());
  }

  private limited(e: unknown): unknown {
    if (!(e instanceof RateLimiterRes)) return e;
    return new DomainError(DomainErrorCode.RATE_LIMITED, 'Too many attempts. Please wait a few minutes and try again.', {
      retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000),
    });
  }
}
