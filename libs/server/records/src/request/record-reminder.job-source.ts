import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { QueueName } from '@second-look/contracts';
import { JobSource, JobSourceRegistry, JobsModule } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';
import { RecordReminderScheduler } from './record-reminder.scheduler';
import { RecordRequest } from './record-request.entity';

/**
 * The nightly re-scan's view of record-request reminders: every open request of an open case
 * should have its reminders pending. A request with none pending (its outbox rows never
 * written, or cancelled when its case closed and the case reopened since) is scheduled again.
 * A request whose reminders all lie in the past plans nothing, so this stays cheap.
 */
@Injectable()
export class RecordReminderJobSource implements JobSource, OnModuleInit {
  readonly name = 'record-request-reminders';

  constructor(
    private readonly sources: JobSourceRegistry,
    private readonly scheduler: RecordReminderScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async rescan(m: EntityManager, organizationId: string): Promise<number> {
    const ids: { id: string }[] = await m.query(
      `SELECT r.id FROM record_request r JOIN patient_case c ON c.id = r.case_id
        WHERE r.organization_id = $1 AND r.completed_on IS NULL AND c.closed_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM outbox_message o
             WHERE o.queue = $2 AND o.subject_id = r.id::text AND o.action = 'add' AND o.available_at > $3
               AND NOT EXISTS (SELECT 1 FROM outbox_message x WHERE x.queue = o.queue AND x.subject_id = o.subject_id AND x.job_id = o.job_id AND x.id > o.id AND x.action = 'remove'))`,
      [organizationId, QueueName.REMINDERS, this.clock.now()],
    );
    let written = 0;
    for (const { id } of ids) written += await this.scheduler.schedule(m, await m.findOneByOrFail(RecordRequest, { id }));
    return written;
  }
}

/** What the worker needs of the records library: the reminder scheduler and its job source. */
@Module({ imports: [JobsModule], providers: [RecordReminderScheduler, RecordReminderJobSource], exports: [RecordReminderScheduler] })
export class RecordsJobsModule {}
