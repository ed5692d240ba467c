import { Inject, Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@second-look/domain';
import { APP_CONFIG, AppConfig, REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const MINUTES = 60;

/**
 * Sign-in limits after OWASP's Authentication Cheat Sheet ("account lockout", "device cookies"):
 * a stranger who knows someone's e-mail must not be able to keep its owner out. Failures are
 * counted per account *and* source together; an account-wide limit only applies to browsers
 * the person never signed in from; a known browser (device cookie) has a budget of its own
 * that no one else's failures can spend; and the per-address limit counts failures only.
 */
export const LOGIN_LIMITS = {
  /** Failed sign-ins for one account from one address (browsers not known for that account). */
  failuresPerAccountAndSource: { points: 5, durationSeconds: 15 * MINUTES },
  /** Failed sign-ins for one account from all unknown browsers together: guessing spread over many addresses. */
  failuresPerAccount: { points: 30, durationSeconds: 60 * MINUTES },
  /** Failed sign-ins from one known browser for its account: only its own failures count. */
  failuresPerKnownDevice: { points: 10, durationSeconds: 15 * MINUTES },
  /**
   * Failed sign-ins from one address, any account: spraying many accounts. Failures only, so a
   * clinic or advocacy office where 100 people share one public address can all sign in.
   */
  failuresPerIp: { points: 100, durationSeconds: 15 * MINUTES },
  /**
   * Wrong second-step codes (authenticator, recovery code, passkey) for one person, from
   * anywhere, enrollment included: six digits must not be guessable by trying. A sign-in step
   * also ends after five wrong codes (SIGN_IN_CHALLENGE).
   */
  factorFailuresPerAccount: { points: 10, durationSeconds: 15 * MINUTES },
  /** Every request to the other public doors (sign-up, invitation and reset links) from one address. */
  requestsPerIp: { points: 100, durationSeconds: 15 * MINUTES },
  /** E-mails anyone can make us send to one address (reset links, sign-up notes): no mail bombing. */
  emailsPerAddress: { points: 3, durationSeconds: 60 * MINUTES },
} as const;

type LimitName = keyof typeof LOGIN_LIMITS;

/** One sign-in attempt that has reserved its points; tell it how the password check went. */
export interface SignInAttempt {
  /** The right password: this attempt does not count as a failure, and this source's (or device's) count starts again. */
  succeeded(): Promise<void>;
}

/**
 * The doors where credentials can be guessed (sign-in, sign-up, invitation and reset links) are
 * limited in Redis, so limits hold across API replicas. Limits are checked inside the resolver,
 * so each operation of a batched request, and each aliased field, counts on its own.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limiters: Record<LimitName, RateLimiterRedis>;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const make = (name: LimitName, prefix: string) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.redisPrefix}:rl:${prefix}`, points: LOGIN_LIMITS[name].points, duration: LOGIN_LIMITS[name].durationSeconds });
    this.limiters = {
      failuresPerAccountAndSource: make('failuresPerAccountAndSource', 'login:acct-ip'),
      failuresPerAccount: make('failuresPerAccount', 'login:acct'),
      failuresPerKnownDevice: make('failuresPerKnownDevice', 'login:device'),
      failuresPerIp: make('failuresPerIp', 'login:ip'),
      factorFailuresPerAccount: make('factorFailuresPerAccount', 'login:factor'),
      requestsPerIp: make('requestsPerIp', 'public:ip'),
      emailsPerAddress: make('emailsPerAddress', 'mail:addr'),
    };
  }

  /**
   * Reserves one failure on every limit that applies before the password is checked (atomic in
   * Redis, so the operations of one batch cannot all slip past), and gives the reservations
   * back on success: in effect only failures accumulate. `knownDevice` is the device cookie's
   * hash when that browser signed in to this account before: then only its own budget applies.
   */
  async beginSignIn(v: { ip: string | null; account: string; knownDevice: string | null }): Promise<SignInAttempt> {
    const account = v.account.toLowerCase();
    const ip = v.ip ?? 'unknown';
    const keys: [LimitName, string][] = v.knownDevice
      ? [['failuresPerKnownDevice', `${account}|${v.knownDevice}`]]
      : [
          ['failuresPerIp', ip],
          ['failuresPerAccountAndSource', `${account}|${ip}`],
          ['failuresPerAccount', account],
        ];
    await this.consumeAll(keys);
    return {
      succeeded: async () => {
        await Promise.all(
          keys.map(([name, key]) =>
            // The source's own count starts again; shared counts just get this attempt back.
            name === 'failuresPerAccountAndSource' || name === 'failuresPerKnownDevice' ? this.limiters[name].delete(key) : this.limiters[name].reward(key, 1),
          ),
        );
      },
    };
  }

  /**
   * A second-step code about to be checked for this person: reserves a failure, given back when
   * the code was right (so only wrong codes accumulate, as for passwords).
   */
  async beginFactorCheck(userId: string): Promise<SignInAttempt> {
    await this.consumeAll([['factorFailuresPerAccount', userId]]);
    return { succeeded: async () => void (await this.limiters.factorFailuresPerAccount.reward(userId, 1)) };
  }

  /** One request to a public door other than sign-in (sign-up, invitation or reset links). */
  async limitRequest(ip: string | null): Promise<void> {
    await this.consumeAll([['requestsPerIp', ip ?? 'unknown']]);
  }

  /**
   * A public request that may e-mail this address (sign-up, password reset): limited per source
   * and per address, whether or not the address has an account, so the limit reveals nothing.
   */
  async limitEmailRequest(ip: string | null, address: string): Promise<void> {
    await this.limitRequest(ip);
    await this.consumeAll([['emailsPerAddress', address.toLowerCase()]]);
  }

  /** The owner proved they hold the mailbox (a password reset): strangers' failures stop counting. */
  async clearAccount(account: string, ip: string | null): Promise<void> {
    const a = account.toLowerCase();
    await Promise.all([this.limiters.failuresPerAccount.delete(a), this.limiters.failuresPerAccountAndSource.delete(`${a}|${ip ?? 'unknown'}`)]);
  }

  private async consumeAll(keys: [LimitName, string][]): Promise<void> {
    const taken: [LimitName, string][] = [];
    try {
      for (const [name, key] of keys) {
        await this.limiters[name].consume(key);
        taken.push([name, key]);
      }
    } catch (e) {
      // A refused attempt is not tried at all: give back what it reserved on the other limits.
      await Promise.all(taken.map(([name, key]) => this.limiters[name].reward(key, 1)));
      throw this.limited(e);
    }
  }

  private limited(e: unknown): unknown {
    if (!(e instanceof RateLimiterRes)) return e;
    return new DomainError(DomainErrorCode.RATE_LIMITED, 'Too many tries. Please wait a few minutes and try again.', {
      retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000),
    });
  }
}
