import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jobIds, SendRecordRequestReminderPayload } from '@second-look/contracts';
import { CalendarDate, RecordReminderKind, reminderDateFor, Role } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { RecordRequest } from '@second-look/server-records';
import { DataSource, IsNull } from 'typeorm';
import type { JobOutcome } from './send-invitation-email.job';
import { Notification } from './notification.entity';

const ESCALATIONS = new Set<string>([RecordReminderKind.LEGAL_OVERDUE]);

/**
 * One reminder of one record request. It re-reads the request and does nothing when the
 * request is complete or its dates moved (an extension scheduled new reminders). The
 * notification key is unique per job and person, so a retried, stalled or duplicated job
 * adds nothing. Reminders go to the lead advocate; past the legal date the coordinators too.
 */
@Injectable()
export class SendRecordRequestReminderJob {
  private readonly logger = new Logger(SendRecordRequestReminderJob.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(p: SendRecordRequestReminderPayload): Promise<JobOutcome> {
    const m = this.dataSource.manager;
    const request = await m.findOneBy(RecordRequest, { id: p.requestId });
    if (!request || request.completedOn) return 'no-longer-applies';
    const kind = p.kind as RecordReminderKind;
    const dueNow = reminderDateFor(kind, { planTargetOn: request.planTargetOn as CalendarDate, legalDueOn: request.legalDueOn as CalendarDate });
    if (dueNow !== p.on) return 'no-longer-applies';
    const kase = await m.findOneBy(PatientCase, { id: request.caseId });
    if (!kase || kase.closedAt) return 'no-longer-applies';

    const recipients = new Set<string>();
    if (kase.leadAdvocateId) recipients.add(kase.leadAdvocateId);
    if (ESCALATIONS.has(kind) || recipients.size === 0) {
      const coordinators = await m.find(UserAccount, { where: { organizationId: kase.organizationId, role: Role.COORDINATOR, deactivatedAt: IsNull() }, select: { id: true } });
      coordinators.forEach((c) => recipients.add(c.id));
    }
    const jobId = jobIds.recordReminder(p.requestId, p.kind, p.on);
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        [...recipients].map((userId) => ({
          key: `${jobId}:${userId}`,
          organizationId: kase.organizationId,
          userId,
          kind: `record_request.${kind}`,
          caseId: kase.id,
          recordRequestId: request.id,
          dueOn: kind.startsWith('TARGET') ? request.planTargetOn : request.legalDueOn,
        })),
      )
      .orIgnore()
      .execute();
    const added = result.identifiers.filter(Boolean).length;
    this.logger.log(`record request ${request.id}: ${kind} reminder, ${added} notification(s)`);
    return added ? 'sent' : 'already-sent';
  }
}
