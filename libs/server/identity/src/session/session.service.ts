import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, isStaffRole, Role } from '@second-look/domain';
import { APP_CONFIG, AppConfig, requestMeta } from '@second-look/server-platform';
import type { CookieOptions, Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { UserAccount } from '../user/user-account.entity';
import { UserSession } from './user-session.entity';

export const SESSION_COOKIE = 'sl_session';
export const SESSION_LIMITS = {
  staffIdleSeconds: 30 * 60,
  /** Patients read slowly on a phone between calls; still well inside the absolute limit. */
  patientIdleSeconds: 2 * 60 * 60,
  absoluteSeconds: 12 * 60 * 60,
  /** last_seen_at is written at most this often, so reads do not all become writes. */
  touchEverySeconds: 60,
} as const;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(UserSession);
  }

  async start(user: Pick<UserAccount, 'id' | 'role'>, res: Response, now = new Date()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const id = hashToken(token);
    const meta = requestMeta(res.req);
    await this.repo.insert({
      id,
      userId: user.id,
      lastSeenAt: now,
      idleTimeoutSeconds: isStaffRole(user.role) ? SESSION_LIMITS.staffIdleSeconds : SESSION_LIMITS.patientIdleSeconds,
      expiresAt: new Date(now.getTime() + SESSION_LIMITS.absoluteSeconds * 1000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    res.cookie(SESSION_COOKIE, token, this.cookieOptions(SESSION_LIMITS.absoluteSeconds));
    return id;
  }

  /** The caller behind the cookie, or null when there is none, or it is revoked, idle or expired. */
  async resolve(req: Request, now = new Date()): Promise<{ actor: Actor; sessionId: string; timeZone: string } | null> {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token || token.length > 100) return null;
    const id = hashToken(token);
    // Plain SQL: this runs before every operation of every signed-in caller.
    // The organisation's time zone comes along: "today" for the caller's dates needs no extra query.
    const [row] = await this.dataSource.query<{ id: string; lastSeenAt: Date; idle: number; expiresAt: Date; userId: string; organizationId: string; role: Role; timeZone: string }[]>(
      `SELECT s.id, s.last_seen_at AS "lastSeenAt", s.idle_timeout_seconds AS idle, s.expires_at AS "expiresAt",
         u.id AS "userId", u.organization_id AS "organizationId", u.role, o.time_zone AS "timeZone"
       FROM user_session s JOIN app_user u ON u.id = s.user_id JOIN organization o ON o.id = u.organization_id
       WHERE s.id = $1 AND s.revoked_at IS NULL AND u.deactivated_at IS NULL`,
      [id],
    );
    if (!row) return null;
    const idleFor = (now.getTime() - new Date(row.lastSeenAt).getTime()) / 1000;
    if (now >= new Date(row.expiresAt) || idleFor > row.idle) {
      await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: now });
      return null;
    }
    if (idleFor > SESSION_LIMITS.touchEverySeconds) await this.repo.update({ id }, { lastSeenAt: now });
    return { sessionId: id, timeZone: row.timeZone, actor: { userId: row.userId, organizationId: row.organizationId, role: row.role } };
  }

  /**
   * Whether a session is still good, without counting as activity (an open live connection
   * must not keep an idle staff session alive). Used by WebSocket connections to re-check.
   */
  async isActive(sessionId: string, now = new Date()): Promise<boolean> {
    const row = await this.repo
      .createQueryBuilder('s')
      .innerJoin(UserAccount, 'u', 'u.id = s.user_id')
      .select(['s.last_seen_at AS "lastSeenAt"', 's.idle_timeout_seconds AS "idle"', 's.expires_at AS "expiresAt"'])
      .where('s.id = :id AND s.revoked_at IS NULL AND u.deactivated_at IS NULL', { id: sessionId })
      .getRawOne<{ lastSeenAt: Date; idle: number; expiresAt: Date }>();
    if (!row) return false;
    return now < new Date(row.expiresAt) && (now.getTime() - new Date(row.lastSeenAt).getTime()) / 1000 <= row.idle;
  }

  async end(sessionId: string, res: Response): Promise<void> {
    await this.repo.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  /** "Sign out everywhere": every session of the user ends at once, this one included. */
  async endAll(userId: string, res?: Response): Promise<number> {
    const result = await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (res) res.clearCookie(SESSION_COOKIE, this.cookieOptions());
    return result.affected ?? 0;
  }

  private cookieOptions(maxAgeSeconds?: number): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      ...(maxAgeSeconds ? { maxAge: maxAgeSeconds * 1000 } : {}),
    };
  }
}
