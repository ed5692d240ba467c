import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { QueueName } from '@second-look/contracts';
import { JobSource, JobSourceRegistry, JobsModule } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';
import { Appointment } from '../appointment/appointment.entity';
import { AppointmentReminderRescheduler } from './appointment-reminder.rescheduler';
import { AppointmentReminderScheduler } from './appointment-reminder.scheduler';

/** After-visit nudges come up to about ten days after the visit: older visits plan nothing. */
const AFTER_VISIT_WINDOW_DAYS = 12;

/**
 * The nightly re-scan's view of appointment reminders (like RecordReminderJobSource): every
 * appointment of an open case that is still to come, or only just past, should have reminders
 * pending. One with none pending (its rows never written, or cancelled when its case closed and
 * the case reopened since) is scheduled again; deterministic ids keep that free of duplicates.
 */
@Injectable()
export class AppointmentReminderJobSource implements JobSource, OnModuleInit {
  readonly name = 'appointment-reminders';

  constructor(
    private readonly sources: JobSourceRegistry,
    private readonly scheduler: AppointmentReminderScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async rescan(m: EntityManager, organizationId: string): Promise<number> {
    const now = this.clock.now();
    const ids: { id: string }[] = await m.query(
      `SELECT a.id FROM appointment a JOIN patient_case c ON c.id = a.case_id
        WHERE a.organization_id = $1 AND c.closed_at IS NULL AND a.cancelled_at IS NULL AND a.starts_at > $4::timestamptz - make_interval(days => $5)
          AND NOT EXISTS (
            SELECT 1 FROM outbox_message o
             WHERE o.queue = $2 AND o.subject_id = a.id::text AND o.action = 'add' AND o.available_at > $3
               AND NOT EXISTS (SELECT 1 FROM outbox_message x WHERE x.queue = o.queue AND x.subject_id = o.subject_id AND x.job_id = o.job_id AND x.id > o.id AND x.action = 'remove'))`,
      [organizationId, QueueName.REMINDERS, now, now, AFTER_VISIT_WINDOW_DAYS],
    );
    let written = 0;
    for (const { id } of ids) written += await this.scheduler.schedule(m, await m.findOneByOrFail(Appointment, { id }));
    return written;
  }
}

/** What the worker (and the insurance library) need of appointments: the reminder scheduler, its re-planner and its job source. */
@Module({
  imports: [JobsModule],
  providers: [AppointmentReminderScheduler, AppointmentReminderRescheduler, AppointmentReminderJobSource],
  exports: [AppointmentReminderScheduler, AppointmentReminderRescheduler],
})
export class AppointmentsJobsModule {}
