import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, isStaffRole, Role } from '@second-look/domain';
import { APP_CONFIG, AppConfig, queryPuttingScope, requestMeta, TenantContext } from '@second-look/server-platform';
import type { CookieOptions, Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { UserAccount } from '../user/user-account.entity';
import { SessionRevocations } from './session-revocations';
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

interface SessionRow {
  id: string;
  lastSeenAt: Date;
  idle: number;
  expiresAt: Date;
  userId: string;
  organizationId: string;
  role: Role;
  timeZone: string;
  mustEnroll: boolean;
  /** The scope app_enter_session left its connection in (TenantContext's settings). */
  scopeOrganization: string;
  scopeActor: string;
  scope: string;
  scopeMember: string;
}

/** Plain SQL: this runs before every operation of every signed-in caller. */
const SESSION_LOOKUP = `SELECT o_session AS id, o_last_seen AS "lastSeenAt", o_idle AS idle, o_expires AS "expiresAt", o_user AS "userId",
    o_organization AS "organizationId", o_role AS role, o_time_zone AS "timeZone", o_must_enroll AS "mustEnroll",
    o_scope_organization AS "scopeOrganization", o_scope_actor AS "scopeActor", o_scope AS scope, o_scope_member AS "scopeMember"
  FROM app_enter_session($1)`;

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
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

  /**
   * The caller of a request, from its session cookie, or null when there is none, or it is
   * revoked, idle or expired. `mustEnroll`: the organization requires staff to have a second
   * sign-in step and this person has none yet; only adding one (and signing out) is open to them
   * until they do.
   *
   * The lookup crosses organizations (the organization is not known yet); once the caller is known
   * the request's scope narrows to their organization (row-level security, TenantContext) and, for
   * a patient or caregiver, to the cases they joined. Both happen in the database in one round
   * trip (`app_enter_session`, migration SessionLookupSetsScope), which leaves its connection in
   * the caller's scope, so the request's first read on it sets nothing (docs/dashboards.md,
   * "The API's fixed cost per request").
   */
  async resolve(req: Request, now = new Date()): Promise<{ actor: Actor; sessionId: string; timeZone: string; mustEnroll: boolean } | null> {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token || token.length > 100) return null;
    const id = hashToken(token);
    // The organization's time zone comes along: "today" for the caller's dates needs no extra query.
    const [row] = await queryPuttingScope<SessionRow>(this.dataSource, SESSION_LOOKUP, [id], ([found]) =>
      found ? [found.scopeOrganization, found.scopeActor, found.scope, found.scopeMember] : ['', '', 'none', ''],
    );
    if (!row) return null;
    const idleFor = (now.getTime() - new Date(row.lastSeenAt).getTime()) / 1000;
    if (now >= new Date(row.expiresAt) || idleFor > row.idle) {
      await TenantContext.system(() => this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: now }));
      return null;
    }
    TenantContext.enterOrganization(row.organizationId, row.userId, !isStaffRole(row.role));
    // user_session has no row-level policy: the caller's scope, already on the connection, will do.
    if (idleFor > SESSION_LIMITS.touchEverySeconds) await this.repo.update({ id }, { lastSeenAt: now });
    return { sessionId: id, timeZone: row.timeZone, mustEnroll: row.mustEnroll, actor: { userId: row.userId, organizationId: row.organizationId, role: row.role } };
  }

  /**
   * Whether a session is still good, without counting as activity (an open live connection
   * must not keep an idle staff session alive). Used by WebSocket connections to re-check.
   */
  async isActive(sessionId: string, now = new Date()): Promise<boolean> {
    return (await this.activeRole(sessionId, now)) !== null;
  }

  /** The role a still-good session acts with now (it changes when an admin changes it), or null. */
  async activeRole(sessionId: string, now = new Date()): Promise<Role | null> {
    const row = await this.repo
      .createQueryBuilder('s')
      .innerJoin(UserAccount, 'u', 'u.id = s.user_id')
      .select(['s.last_seen_at AS "lastSeenAt"', 's.idle_timeout_seconds AS "idle"', 's.expires_at AS "expiresAt"', 'u.role AS "role"'])
      .where('s.id = :id AND s.revoked_at IS NULL AND u.deactivated_at IS NULL', { id: sessionId })
      .getRawOne<{ lastSeenAt: Date; idle: number; expiresAt: Date; role: Role }>();
    if (!row) return null;
    const good = now < new Date(row.expiresAt) && (now.getTime() - new Date(row.lastSeenAt).getTime()) / 1000 <= row.idle;
    return good ? row.role : null;
  }

  async end(sessionId: string, res: Response): Promise<void> {
    await this.repo.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
    await this.revocations.publish({ reason: 'SIGNED_OUT', sessionIds: [sessionId] });
  }

  /** "Sign out everywhere": every session of the user ends at once, this one included. */
  async endAll(userId: string, res?: Response): Promise<number> {
    const result = await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (res) res.clearCookie(SESSION_COOKIE, this.cookieOptions());
    await this.revocations.publish({ reason: 'SIGNED_OUT', userId });
    return result.affected ?? 0;
  }

  /** This person's sessions still open, newest activity first ("Signed-in devices"). */
  async listOpen(userId: string, now = new Date()): Promise<UserSession[]> {
    const rows = await this.repo.find({ where: { userId, revokedAt: IsNull() }, order: { lastSeenAt: 'DESC' } });
    return rows.filter((s) => now < s.expiresAt && (now.getTime() - s.lastSeenAt.getTime()) / 1000 <= s.idleTimeoutSeconds);
  }

  /** Ends one of this person's sessions by the id the devices screen shows; false when there is no such open session of theirs. */
  async endByPublicId(userId: string, publicId: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: new Date() })
      .where('user_id = :userId AND public_id = :publicId AND revoked_at IS NULL', { userId, publicId })
      .returning(['id'])
      .execute();
    const ended = (result.raw as Array<{ id: string }>).map((r) => r.id);
    if (ended.length) await this.revocations.publish({ reason: 'SIGNED_OUT', sessionIds: ended });
    return ended.length > 0;
  }

  /** Every other session of this person ends; the one in use stays. */
  async endOthers(userId: string, keepSessionId: string): Promise<number> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: new Date() })
      .where('user_id = :userId AND revoked_at IS NULL AND id <> :keep', { userId, keep: keepSessionId })
      .execute();
    await this.revocations.publish({ reason: 'SIGNED_OUT', userId, exceptSessionId: keepSessionId });
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
