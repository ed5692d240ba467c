import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, formatTimeOfDay, NOTIFICATION_CATEGORIES, notificationPreferences, NotificationPreferences, validateNotificationPreferences } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { organizationTiming } from '@second-look/server-records';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationPreferencesModel, UpdateNotificationPreferencesInput } from './notification-preference.model';

/** A person's stored e-mail choices over the defaults. */
export async function preferencesOf(m: EntityManager, userIds: string[]): Promise<Map<string, NotificationPreferences>> {
  const rows = userIds.length ? await m.find(NotificationPreference, { where: userIds.map((userId) => ({ userId })) }) : [];
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  return new Map(
    userIds.map((id) => {
      const r = byUser.get(id);
      return [id, notificationPreferences(r ? { email: r.email, quietHours: r.quietStart !== null && r.quietEnd !== null ? { start: r.quietStart, end: r.quietEnd } : null } : null)];
    }),
  );
}

/** Only ever the caller's own preferences: there is no id to pass, so nobody can reach another's. */
@Injectable()
export class NotificationPreferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<NotificationPreferencesModel> {
    const m = this.dataSource.manager;
    const prefs = (await preferencesOf(m, [actor.userId])).get(actor.userId)!;
    return this.toModel(m, actor, prefs);
  }

  /** Checked whole first (a bad time saves nothing), then written with its audit row. */
  async update(actor: Actor, input: UpdateNotificationPreferencesInput): Promise<NotificationPreferencesModel> {
    return this.dataSource.transaction(async (m) => {
      const current = (await preferencesOf(m, [actor.userId])).get(actor.userId)!;
      const next = validateNotificationPreferences({ email: input.email, quietHours: input.quietHours ?? null }, current);
      await m.upsert(
        NotificationPreference,
        { userId: actor.userId, organizationId: actor.organizationId, email: { ...next.email }, quietStart: next.quietHours?.start ?? null, quietEnd: next.quietHours?.end ?? null },
        ['userId'],
      );
      await this.audit.record(
        actor,
        {
          action: 'notification_preferences.update',
          entityType: 'user',
          entityId: actor.userId,
          detail: { email: next.email, quietHours: next.quietHours ? { start: formatTimeOfDay(next.quietHours.start), end: formatTimeOfDay(next.quietHours.end) } : null },
        },
        m,
      );
      return this.toModel(m, actor, next);
    });
  }

  private async toModel(m: EntityManager, actor: Actor, p: NotificationPreferences): Promise<NotificationPreferencesModel> {
    const timing = await organizationTiming(m, actor.organizationId);
    return {
      id: actor.userId,
      email: NOTIFICATION_CATEGORIES.map((category) => ({ category, mode: p.email[category] })),
      quietHours: p.quietHours ? { start: formatTimeOfDay(p.quietHours.start), end: formatTimeOfDay(p.quietHours.end) } : null,
      timeZone: timing.workingHours.timeZone,
      digestTime: formatTimeOfDay(timing.digestHour * 60),
    };
  }
}
