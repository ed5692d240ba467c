import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppointmentReminderSettings,
  DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
  DEFAULT_DIGEST_HOUR,
  DEFAULT_RECORD_REMINDER_SETTINGS,
  DEFAULT_WORKING_HOURS,
  DomainError,
  DomainErrorCode,
  formatTimeOfDay,
  IsoWeekday,
  parseTimeOfDay,
  RecordReminderSettings,
  validateAppointmentReminderSettings,
  validateRecordReminderSettings,
  validateWorkingHours,
  WorkingHours,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { Organization } from '@second-look/server-identity';
import { JobName, jobIds, QueueName, RescheduleOrganizationRemindersPayload } from '@second-look/contracts';
import { OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationReminderSettings } from './organization-reminder-settings.entity';
import { ReminderSettingsModel, UpdateReminderSettingsInput } from './reminder-settings.model';

/** Everything that decides when an organization's reminders and digests go out. */
export interface OrganizationTiming {
  reminders: RecordReminderSettings;
  appointments: AppointmentReminderSettings;
  workingHours: WorkingHours;
  digestHour: number;
}

/** Reads an organization's timing with the defaults filled in (any caller: the scheduler, the worker). */
export async function organizationTiming(m: EntityManager, organizationId: string): Promise<OrganizationTiming> {
  const [org, row] = await Promise.all([m.findOneByOrFail(Organization, { id: organizationId }), m.findOneBy(OrganizationReminderSettings, { organizationId })]);
  if (!row) {
    return {
      reminders: DEFAULT_RECORD_REMINDER_SETTINGS,
      appointments: DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
      workingHours: { ...DEFAULT_WORKING_HOURS, timeZone: org.timeZone },
      digestHour: DEFAULT_DIGEST_HOUR,
    };
  }
  return {
    reminders: { daysAfterSent: row.daysAfterSent, targetSoonDays: row.targetSoonDays, legalSoonDays: row.legalSoonDays },
    appointments: {
      soonDays: row.appointmentSoonDays,
      verifyWorkingDays: row.appointmentVerifyWorkingDays,
      recordOpinionDays: row.appointmentRecordOpinionDays,
      followUpDays: row.appointmentFollowUpDays,
    },
    workingHours: { start: row.workStart, end: row.workEnd, days: row.workingDays as IsoWeekday[], timeZone: org.timeZone },
    digestHour: row.digestHour,
  };
}

@Injectable()
export class ReminderSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<ReminderSettingsModel> {
    return toModel(actor.organizationId, await organizationTiming(this.dataSource.manager, actor.organizationId));
  }

  /**
   * An admin's new settings, checked whole before anything is written; then, in one
   * transaction, the settings, the zone, an audit row, and an outbox job that has the worker
   * plan every open request's and upcoming appointment's reminders again under the new days
   * and hours (a job already due under the old ones finds it no longer applies and does
   * nothing). Appointment distances left out of the input stay as they are.
   */
  async update(actor: Actor, input: UpdateReminderSettingsInput): Promise<ReminderSettingsModel> {
    const reminders = validateRecordReminderSettings({ daysAfterSent: input.daysAfterSent, targetSoonDays: input.targetSoonDays, legalSoonDays: input.legalSoonDays });
    const current = (await organizationTiming(this.dataSource.manager, actor.organizationId)).appointments;
    const appointments = validateAppointmentReminderSettings({
      soonDays: input.appointmentSoonDays ?? current.soonDays,
      verifyWorkingDays: input.verifyCoverageWorkingDays ?? current.verifyWorkingDays,
      recordOpinionDays: input.recordOpinionDays ?? current.recordOpinionDays,
      followUpDays: input.bookFollowUpDays ?? current.followUpDays,
    });
    const workingHours = validateWorkingHours({
      start: parseTimeOfDay(input.workStart, 'workStart'),
      end: input.workEnd === '24:00' ? 24 * 60 : parseTimeOfDay(input.workEnd, 'workEnd'),
      days: input.workingDays as IsoWeekday[],
      timeZone: input.timeZone,
    });
    if (!Number.isInteger(input.digestHour) || input.digestHour < 0 || input.digestHour > 23) {
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The digest hour must be a whole hour from 0 to 23', { field: 'digestHour', value: input.digestHour });
    }
    const timing: OrganizationTiming = { reminders, appointments, workingHours, digestHour: input.digestHour };
    await this.dataSource.transaction(async (m) => {
      await m.upsert(
        OrganizationReminderSettings,
        {
          organizationId: actor.organizationId,
          daysAfterSent: [...reminders.daysAfterSent],
          targetSoonDays: reminders.targetSoonDays,
          legalSoonDays: reminders.legalSoonDays,
          workStart: workingHours.start,
          workEnd: workingHours.end,
          workingDays: [...workingHours.days],
          digestHour: timing.digestHour,
          appointmentSoonDays: appointments.soonDays,
          appointmentVerifyWorkingDays: appointments.verifyWorkingDays,
          appointmentRecordOpinionDays: appointments.recordOpinionDays,
          appointmentFollowUpDays: appointments.followUpDays,
          updatedById: actor.userId,
        },
        ['organizationId'],
      );
      await m.update(Organization, { id: actor.organizationId }, { timeZone: workingHours.timeZone });
      // Re-planning every open request is the worker's job (see OrganizationReminderRescheduler).
      const payload: RescheduleOrganizationRemindersPayload = { organizationId: actor.organizationId };
      await this.outbox.add(m, {
        queue: QueueName.REMINDERS,
        jobName: JobName.RESCHEDULE_ORGANIZATION_REMINDERS,
        jobId: jobIds.rescheduleOrganizationReminders(actor.organizationId, this.clock.now().getTime()),
        payload: { ...payload },
      });
      await this.audit.record(
        actor,
        { action: 'organization.reminder_settings.update', entityType: 'organization', entityId: actor.organizationId, detail: { ...toModel(actor.organizationId, timing) } },
        m,
      );
    });
    return toModel(actor.organizationId, timing);
  }
}

function toModel(organizationId: string, t: OrganizationTiming): ReminderSettingsModel {
  return {
    id: organizationId,
    daysAfterSent: [...t.reminders.daysAfterSent],
    targetSoonDays: t.reminders.targetSoonDays,
    legalSoonDays: t.reminders.legalSoonDays,
    workStart: formatTimeOfDay(t.workingHours.start),
    workEnd: t.workingHours.end === 24 * 60 ? '24:00' : formatTimeOfDay(t.workingHours.end),
    workingDays: [...t.workingHours.days],
    timeZone: t.workingHours.timeZone,
    digestHour: t.digestHour,
    appointmentSoonDays: t.appointments.soonDays,
    verifyCoverageWorkingDays: t.appointments.verifyWorkingDays,
    recordOpinionDays: t.appointments.recordOpinionDays,
    bookFollowUpDays: t.appointments.followUpDays,
  };
}
