import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecordReminderScheduler } from '../request/record-reminder.scheduler';
import { RecordRequest } from '../request/record-request.entity';
import { organizationTiming } from './reminder-settings.service';

const BATCH = 200;

/**
 * After an admin changes the reminder settings (in the worker, not in the admin's request: an
 * organization may have thousands of open requests): every open request of an open case gets
 * its pending reminders cancelled and planned again under the settings as they are now, a
 * batch per transaction. Running it twice plans the same deterministic jobs, so a retry is safe.
 */
@Injectable()
export class OrganizationReminderRescheduler {
  private readonly logger = new Logger(OrganizationReminderRescheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: RecordReminderScheduler,
  ) {}

  async run(organizationId: string): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let requests = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (m) => {
        const timing = await organizationTiming(m, organizationId);
        const ids: { id: string }[] = await m.query(
          `SELECT r.id FROM record_request r JOIN patient_case c ON c.id = r.case_id
            WHERE r.organization_id = $1 AND r.completed_on IS NULL AND c.closed_at IS NULL AND r.id > $2
            ORDER BY r.id LIMIT $3`,
          [organizationId, after, BATCH],
        );
        for (const { id } of ids) await this.scheduler.reschedule(m, await m.findOneByOrFail(RecordRequest, { id }), timing);
        return ids;
      });
      requests += done.length;
      const last = done.at(-1);
      if (!last || done.length < BATCH) break;
      after = last.id;
    }
    this.logger.log(`organization ${organizationId}: reminders of ${requests} open request(s) planned again`);
    return requests;
  }
}
