import { Injectable, Logger } from '@nestjs/common';
import { JobName, jobIds, SendRecordRequestReminderPayload } from '@second-look/contracts';
import { CalendarDate, RecordReminderKind, recordReminderSpec, reminderStillApplies, Role } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { organizationTiming, RecordRequest } from '@second-look/server-records';
import { IsNull } from 'typeorm';
import { EffectLedger, EffectNoLongerApplies, JobOutcome } from '@second-look/server-jobs';
import { NotificationDispatcher } from './notification-dispatcher';

/**
 * One reminder of one record request. It re-reads the request and does nothing when the
 * request is complete, its case closed, or its dates moved (an extension scheduled new
 * reminders). The effect (the notifications) commits with its ledger key (EffectLedger), so a
 * retried, stalled, duplicated or re-created job adds nothing; the notification's own unique
 * key is a second guard. Who receives it and the date it carries come from its entry in
 * REMINDER_KINDS: the lead advocate (the coordinators when there is none), and for an
 * escalation the coordinators too.
 */
@Injectable()
export class SendRecordRequestReminderJob {
  private readonly logger = new Logger(SendRecordRequestReminderJob.name);

  constructor(
    private readonly ledger: EffectLedger,
    private readonly notifications: NotificationDispatcher,
  ) {}

  async run(p: SendRecordRequestReminderPayload): Promise<JobOutcome> {
    const jobId = jobIds.recordReminder(p.requestId, p.kind, p.on);
    const spec = recordReminderSpec(p.kind);
    if (!spec) return 'no-longer-applies';
    const kind: RecordReminderKind = spec.kind;
    // Claim the key first, then re-read everything under it: a request received (or a case
    // closed) a moment ago is seen, and the notifications commit with the key or not at all.
    const outcome = await this.ledger.once(jobId, { jobName: JobName.SEND_RECORD_REQUEST_REMINDER }, async (tx) => {
      const request = await tx.findOneBy(RecordRequest, { id: p.requestId });
      if (!request || request.completedOn) throw new EffectNoLongerApplies('request complete or gone');
      // Under the organization's reminder settings as they are now (an admin may have changed the days).
      const timing = await organizationTiming(tx, request.organizationId);
      const dates = { sentOn: request.sentOn as CalendarDate, planTargetOn: request.planTargetOn as CalendarDate, legalDueOn: request.legalDueOn as CalendarDate };
      if (!reminderStillApplies(kind, p.on as CalendarDate, dates, timing.reminders, timing.workingHours.days)) throw new EffectNoLongerApplies('the request’s dates or the reminder days moved');
      const kase = await tx.findOneBy(PatientCase, { id: request.caseId });
      if (!kase || kase.closedAt) throw new EffectNoLongerApplies('case closed or gone');
      await tx.query(`UPDATE job_effect SET organization_id = $2 WHERE key = $1`, [jobId, kase.organizationId]);

      const recipients = new Set<string>();
      if (kase.leadAdvocateId) recipients.add(kase.leadAdvocateId);
      if (spec.audience === 'STAFF_AND_COORDINATORS' || recipients.size === 0) {
        const coordinators = await tx.find(UserAccount, { where: { organizationId: kase.organizationId, role: Role.COORDINATOR, deactivatedAt: IsNull() }, select: { id: true } });
        coordinators.forEach((c) => recipients.add(c.id));
      }
      if (!recipients.size) return 0;
      // In-app for everyone, plus e-mail jobs for those who want them at once (same transaction).
      return this.notifications.create(
        tx,
        [...recipients].map((userId) => ({
          key: `${jobId}:${userId}`,
          organizationId: kase.organizationId,
          userId,
          kind: spec.id,
          caseId: kase.id,
          recordRequestId: request.id,
          dueOn: { NONE: null, PLAN_TARGET: request.planTargetOn, LEGAL_DUE: request.legalDueOn }[spec.dueOn],
        })),
      );
    });
    if (!outcome.done) return outcome.reason === 'already-done' ? 'already-sent' : 'no-longer-applies';
    this.logger.log(`record request ${p.requestId}: ${kind} reminder, ${outcome.result} notification(s)`);
    return 'sent';
  }
}
