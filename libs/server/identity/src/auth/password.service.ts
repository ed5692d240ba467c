import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's minimum for argon2id: 19 MiB of memory, two passes, one lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

@Injectable()
export class PasswordService {
  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** A valid hash for a password nobody knows: verifying against it costs the same as a real one. */
  private dummy?: Promise<string>;
  dummyHash(): Promise<string> {
    this.dummy ??= this.hash('not-a-real-password-' + Math.random());
    return this.dummy;
  }
}
