import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@second-look/server-platform';
import { organizationTiming } from '@second-look/server-records';
import { DataSource } from 'typeorm';
import { Appointment } from '../appointment/appointment.entity';
import { AppointmentReminderScheduler } from './appointment-reminder.scheduler';

const BATCH = 200;
/** After-visit nudges come up to about ten days after the visit. */
const RECENT_DAYS = 12;

/**
 * After an admin changes the working hours or days, or the appointment reminder distances
 * (like OrganizationReminderRescheduler for record requests): every visit still to come, or only just past, of an open case gets its
 * pending reminders cancelled and planned again under the new days, a batch per
 * transaction. Deterministic ids make a retry plan the same jobs.
 */
@Injectable()
export class AppointmentReminderRescheduler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: AppointmentReminderScheduler,
    private readonly clock: Clock,
  ) {}

  async run(organizationId: string): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    const since = new Date(this.clock.now().getTime() - RECENT_DAYS * 86_400_000);
    for (;;) {
      const done = await this.dataSource.transaction(async (m) => {
        const timing = await organizationTiming(m, organizationId);
        const ids: { id: string }[] = await m.query(
          `SELECT a.id FROM appointment a JOIN patient_case c ON c.id = a.case_id
            WHERE a.organization_id = $1 AND c.closed_at IS NULL AND a.cancelled_at IS NULL AND a.starts_at > $2 AND a.id > $3
            ORDER BY a.id LIMIT $4`,
          [organizationId, since, after, BATCH],
        );
        for (const { id } of ids) {
          const a = await m.findOneByOrFail(Appointment, { id });
          await this.scheduler.cancel(m, [a.id]);
          await this.scheduler.schedule(m, a, timing);
        }
        return ids;
      });
      total += done.length;
      const last = done.at(-1);
      if (!last || done.length < BATCH) break;
      after = last.id;
    }
    return total;
  }
}
