import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailJobs } from '@second-look/server-jobs';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { hashSecretToken, newSecretToken } from '../auth/tokens';

export const DEVICE_COOKIE = 'sl_device';
/** Chrome keeps a cookie at most 400 days; a device unused that long is new again. */
const DEVICE_COOKIE_DAYS = 400;

const cookieToken = (req: Request | undefined): string | null => {
  const token = (req?.cookies as Record<string, string> | undefined)?.[DEVICE_COOKIE];
  return token && token.length <= 100 ? token : null;
};

/**
 * OWASP's device cookie: a browser that signed in to an account successfully before is "known"
 * for that account. The cookie only names the browser (it signs no one in); only its hash is
 * stored, one `known_device` row per person who signed in on it.
 */
@Injectable()
export class DeviceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: EmailJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The hash of this browser's device cookie, or null when it has none. */
  deviceHash(req: Request | undefined): string | null {
    const token = cookieToken(req);
    return token ? hashSecretToken(token) : null;
  }

  /** Whether this browser signed in to the account with this e-mail before. */
  async isKnown(email: string, deviceHash: string | null): Promise<boolean> {
    if (!deviceHash) return false;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM known_device d JOIN app_user u ON u.id = d.user_id WHERE d.device_hash = $1 AND u.email = $2`, [deviceHash, email]);
    return rows.length > 0;
  }

  /**
   * After a successful sign-in: this browser is known for this person from now on. With
   * `notify`, a browser new to someone who had signed in elsewhere before gets them an e-mail
   * about it, written to the outbox in the same transaction (issue 22, part 8).
   */
  async remember(userId: string, res: Response, opts: { notify: boolean }): Promise<void> {
    const token = cookieToken(res.req) ?? newSecretToken();
    const deviceHash = hashSecretToken(token);
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ inserted: boolean; others: boolean }[]>(
        `WITH up AS (
           INSERT INTO known_device (device_hash, user_id, last_sign_in_at) VALUES ($1, $2, now())
           ON CONFLICT (device_hash, user_id) DO UPDATE SET last_sign_in_at = now()
           RETURNING (xmax = 0) AS inserted)
         SELECT up.inserted, EXISTS (SELECT 1 FROM known_device WHERE user_id = $2 AND device_hash <> $1) AS others FROM up`,
        [deviceHash, userId],
      );
      if (opts.notify && row?.inserted && row.others) await this.emails.sendNewDevice(m, userId, deviceHash);
    });
    res.cookie(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/', maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60 * 1000 });
  }
}
