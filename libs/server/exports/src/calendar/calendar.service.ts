import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DEFAULT_LANGUAGE, isStaffRole, notFound, Role } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { Appointment } from '@second-look/server-appointments';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { hashSecretToken, newSecretToken, Organization, UserAccount } from '@second-look/server-identity';
import { APP_CONFIG, AppConfig, Clock, isUuid, RequestMeta } from '@second-look/server-platform';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { loadCalendarData } from './calendar-data';
import { caseCalendarEntries } from './calendar-entries';
import { CalendarFeed } from './calendar-feed.entity';
import { renderCalendar, renderCalendarInSlices } from './calendar-render';
import { CALENDAR_WORDS } from './calendar-words';
import { FeedRateLimiter } from './feed-rate-limiter';

/** Due dates and visits this far back stay in a feed (canceled ones too), then drop out. */
export const FEED_DAYS_BACK = 60;
/** A closed case leaves its people's feeds this long after closing. */
export const CLOSED_CASE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The secret is 256 random bits in base64url: 43 characters. Anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type FeedAnswer = { status: 'ok'; ics: string } | { status: 'missing' } | { status: 'limited'; retryAfterSeconds: number };

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly limiter: FeedRateLimiter,
  ) {}

  /** One appointment as an .ics file for the caller's own calendar (with the place and video link). */
  async appointmentIcs(actor: Actor, appointmentId: string): Promise<{ ics: string; fileName: string }> {
    if (!isUuid(appointmentId)) throw notFound('Appointment');
    const m = this.dataSource.manager;
    const appointment = await m.findOneBy(Appointment, { id: appointmentId, organizationId: actor.organizationId });
    if (!appointment) throw notFound('Appointment');
    const { kase } = await this.access.requireOf(actor, appointment.caseId, 'read', 'Appointment', m);
    const [user, zone] = await Promise.all([m.findOneByOrFail(UserAccount, { id: actor.userId }), this.zone(m, actor.organizationId)]);
    const language = user.language ?? DEFAULT_LANGUAGE;
    const entries = caseCalendarEntries(
      { kase, appointments: [appointment], requests: [], insuranceCalls: [], adjustments: [] },
      { language, zone, appUrl: this.config.publicUrl, staff: false, nameCase: false, withPlace: true },
    );
    await this.audit.record(actor, { action: 'export.calendar_appointment', entityType: 'appointment', entityId: appointment.id, caseId: kase.id, detail: { kind: 'ics' } });
    return { ics: renderCalendar(entries, { name: CALENDAR_WORDS[language].feedName, zone }), fileName: 'second-opinion-appointment.ics' };
  }

  async feedStatus(actor: Actor): Promise<CalendarFeed | null> {
    return this.dataSource.manager.findOneBy(CalendarFeed, { userId: actor.userId });
  }

  /** A new secret URL, shown once; any earlier URL of this person stops working in the same step. */
  async resetFeed(actor: Actor): Promise<{ feed: CalendarFeed; url: string }> {
    const token = newSecretToken();
    const feed = await this.dataSource.transaction(async (m) => {
      await m.delete(CalendarFeed, { userId: actor.userId });
      const row = m.create(CalendarFeed, { tokenHash: hashSecretToken(token), userId: actor.userId, organizationId: actor.organizationId, lastFetchedAt: null });
      await m.insert(CalendarFeed, row);
      await this.audit.record(actor, { action: 'export.calendar_feed_reset', entityType: 'user', entityId: actor.userId }, m);
      return m.findOneByOrFail(CalendarFeed, { userId: actor.userId });
    });
    return { feed, url: `${this.config.publicUrl}/api/calendar/${token}.ics` };
  }

  async turnOffFeed(actor: Actor): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const { affected } = await m.delete(CalendarFeed, { userId: actor.userId });
      if (affected) await this.audit.record(actor, { action: 'export.calendar_feed_off', entityType: 'user', entityId: actor.userId }, m);
      return !!affected;
    });
  }

  /**
   * The feed behind a secret. An unknown or revoked secret, a deactivated person, or a person
   * moved to another organization all answer the same "missing" (and count as a miss for the
   * address, so guessing is limited). Audited per fetch.
   */
  async feedByToken(token: string, meta: RequestMeta): Promise<FeedAnswer> {
    const waitMiss = await this.limiter.blockedFor(meta.ip);
    if (waitMiss !== null) return { status: 'limited', retryAfterSeconds: waitMiss };
    const opened = await this.openFeed(token);
    if (!opened) {
      await this.limiter.missed(meta.ip);
      return { status: 'missing' };
    }
    const waitFeed = await this.limiter.fetch(opened.feed.tokenHash);
    if (waitFeed !== null) return { status: 'limited', retryAfterSeconds: waitFeed };
    return { status: 'ok', ics: await this.renderFeed(opened.feed, opened.user, meta) };
  }

  private async openFeed(token: string): Promise<{ feed: CalendarFeed; user: UserAccount } | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const m = this.dataSource.manager;
    const feed = await m.findOneBy(CalendarFeed, { tokenHash: hashSecretToken(token) });
    if (!feed) return null;
    const user = await m.findOneBy(UserAccount, { id: feed.userId });
    if (!user || user.deactivatedAt || user.organizationId !== feed.organizationId) return null;
    return { feed, user };
  }

  private async renderFeed(feed: CalendarFeed, user: UserAccount, meta: RequestMeta): Promise<string> {
    const m = this.dataSource.manager;
    const actor: Actor = { userId: user.id, organizationId: user.organizationId, role: user.role };
    const staff = isStaffRole(user.role);
    const zone = await this.zone(m, user.organizationId);
    const cases = await this.feedCases(actor, m);
    const data = await loadCalendarData(m, cases, staff);
    const language = user.language ?? DEFAULT_LANGUAGE;
    const since = this.clock.now().getTime() - FEED_DAYS_BACK * DAY_MS;
    const entries = data
      .flatMap((d) => caseCalendarEntries(d, { language, zone, appUrl: this.config.publicUrl, staff, nameCase: staff, withPlace: false }))
      .filter((e) => (e.when.kind === 'timed' ? e.when.end.getTime() : Date.parse(`${e.when.on}T23:59:59Z`)) >= since);
    await m.update(CalendarFeed, { tokenHash: feed.tokenHash }, { lastFetchedAt: this.clock.now() });
    await this.audit.record(
      actor,
      { action: 'export.calendar_feed_fetch', entityType: 'user', entityId: user.id, detail: { kind: 'ics-feed', cases: cases.length, events: entries.length } },
      undefined,
      meta,
    );
    return renderCalendarInSlices(entries, { name: CALENDAR_WORDS[language].feedName, zone, refreshMinutes: 60 }, () => yieldToLoop());
  }

  /**
   * The cases a person works: an advocate or admin the cases they lead, a coordinator every case
   * of the organization (they watch them all), a patient or caregiver the cases they joined.
   * Open cases, and closed ones for a while so their due dates show as canceled.
   */
  private feedCases(actor: Actor, m: EntityManager): Promise<PatientCase[]> {
    const q = this.access.scoped(actor, m).andWhere('(c.closed_at IS NULL OR c.closed_at > :closedSince)', { closedSince: new Date(this.clock.now().getTime() - CLOSED_CASE_DAYS * DAY_MS) });
    if (actor.role === Role.ADVOCATE || actor.role === Role.ADMIN) q.andWhere('c.lead_advocate_id = :me', { me: actor.userId });
    return q.getMany();
  }

  private async zone(m: EntityManager, organizationId: string): Promise<string> {
    return (await m.findOneByOrFail(Organization, { id: organizationId })).timeZone;
  }
}
