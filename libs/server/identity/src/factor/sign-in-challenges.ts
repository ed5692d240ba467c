import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { hashSecretToken, newSecretToken } from '../auth/tokens';

/** How long the second step may take after the password, and how many wrong codes it allows. */
export const SIGN_IN_CHALLENGE = { ttlSeconds: 5 * 60, maxFailures: 5 } as const;

export interface PendingSignIn {
  userId: string;
  /** The WebAuthn challenge handed to the browser for this step, when it asked for one. */
  webauthnChallenge: string | null;
}

/**
 * The short-lived state between "the password was right" and "the second step was right",
 * and WebAuthn challenges, kept in Redis (so any API replica can finish the step). The browser
 * holds a random token; Redis only its hash. A step is used once; five wrong codes end it.
 */
@Injectable()
export class SignInChallenges {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redisPrefix}:mfa`;
  }

  private key(kind: 'signin' | 'passkey' | 'register', id: string): string {
    return `${this.prefix}:${kind}:${kind === 'register' ? id : hashSecretToken(id)}`;
  }

  /** After a right password: the token the browser sends with its second step. */
  async start(userId: string): Promise<string> {
    const token = newSecretToken();
    await this.redis.multi().hset(this.key('signin', token), { userId, failures: 0 }).expire(this.key('signin', token), SIGN_IN_CHALLENGE.ttlSeconds).exec();
    return token;
  }

  async pending(token: string): Promise<PendingSignIn | null> {
    if (!token || token.length > 100) return null;
    const row = await this.redis.hgetall(this.key('signin', token));
    return row.userId ? { userId: row.userId, webauthnChallenge: row.webauthn ?? null } : null;
  }

  async setWebauthnChallenge(token: string, challenge: string): Promise<void> {
    await this.redis.hset(this.key('signin', token), { webauthn: challenge });
  }

  /** A wrong code: counts, and the step ends after too many. */
  async failed(token: string): Promise<void> {
    const n = await this.redis.hincrby(this.key('signin', token), 'failures', 1);
    if (n >= SIGN_IN_CHALLENGE.maxFailures) await this.redis.del(this.key('signin', token));
  }

  /** Whether this step was still open; it is closed either way (used once). */
  async finish(token: string): Promise<boolean> {
    return (await this.redis.del(this.key('signin', token))) === 1;
  }

  /** A passkey sign-in without a password: a challenge named by a random token. */
  async startPasskey(challenge: string): Promise<string> {
    const token = newSecretToken();
    await this.redis.set(this.key('passkey', token), challenge, 'EX', SIGN_IN_CHALLENGE.ttlSeconds);
    return token;
  }

  /** The challenge, once: a second use finds nothing. */
  takePasskey(token: string): Promise<string | null> {
    if (!token || token.length > 100) return Promise.resolve(null);
    return this.redis.getdel(this.key('passkey', token));
  }

  /** The challenge of a passkey being added by a signed-in person (one at a time). */
  async startRegistration(userId: string, challenge: string): Promise<void> {
    await this.redis.set(this.key('register', userId), challenge, 'EX', SIGN_IN_CHALLENGE.ttlSeconds);
  }

  takeRegistration(userId: string): Promise<string | null> {
    return this.redis.getdel(this.key('register', userId));
  }
}
