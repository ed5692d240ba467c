import { Injectable, Logger } from '@nestjs/common';
import { JobName, jobIds, SendTaskReminderPayload } from '@second-look/contracts';
import { NotificationKind, Role, taskReminderStillApplies } from '@second-look/domain';
import { CaseParticipant, PatientCase } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { EffectLedger, EffectNoLongerApplies, JobOutcome } from '@second-look/server-jobs';
import { CaseTask } from '@second-look/server-tasks';
import { EntityManager, In, IsNull } from 'typeorm';
import { NotificationDispatcher } from './notification-dispatcher';

/**
 * A task's reminder (docs/architecture.md, "A reminder kind"): it claims its ledger key,
 * re-reads the task and its case, and does nothing when the task was ticked done, removed,
 * its reminder moved, or the case closed. The notification (and its e-mail job) commits with
 * the key, so a retried or duplicated job adds nothing.
 */
@Injectable()
export class SendTaskReminderJob {
  private readonly logger = new Logger(SendTaskReminderJob.name);

  constructor(
    private readonly ledger: EffectLedger,
    private readonly notifications: NotificationDispatcher,
  ) {}

  async run(p: SendTaskReminderPayload): Promise<JobOutcome> {
    const jobId = jobIds.taskReminder(p.taskId, p.on);
    const outcome = await this.ledger.once(jobId, { jobName: JobName.SEND_TASK_REMINDER }, async (tx) => {
      const task = await tx.findOneBy(CaseTask, { id: p.taskId });
      if (!task || !taskReminderStillApplies(task, p.on)) throw new EffectNoLongerApplies('task done, removed, or its reminder moved');
      const kase = await tx.findOneBy(PatientCase, { id: task.caseId });
      if (!kase || kase.closedAt) throw new EffectNoLongerApplies('case closed or gone');
      await tx.query(`UPDATE job_effect SET organization_id = $2 WHERE key = $1`, [jobId, kase.organizationId]);
      const recipients = await this.recipients(tx, task, kase);
      if (!recipients.length) return 0;
      return this.notifications.create(
        tx,
        recipients.map((userId) => ({
          key: `${jobId}:${userId}`,
          organizationId: kase.organizationId,
          userId,
          kind: NotificationKind.TASK_REMINDER,
          caseId: kase.id,
          recordRequestId: null,
          dueOn: task.dueOn ?? task.remindOn,
        })),
      );
    });
    if (!outcome.done) return outcome.reason === 'already-done' ? 'already-sent' : 'no-longer-applies';
    this.logger.log(`task ${p.taskId}: reminder, ${outcome.result} notification(s)`);
    return 'sent';
  }

  /** The person the task is given to, while they still belong (staff of the organization, or a participant of the case); else the lead advocate. */
  private async recipients(tx: EntityManager, task: CaseTask, kase: PatientCase): Promise<string[]> {
    if (task.assigneeId) {
      const user = await tx.findOne(UserAccount, { where: { id: task.assigneeId, organizationId: kase.organizationId, deactivatedAt: IsNull() }, select: { id: true, role: true } });
      const client = user && (user.role === Role.PATIENT || user.role === Role.CAREGIVER);
      if (user && (!client || (!task.internal && (await tx.existsBy(CaseParticipant, { caseId: kase.id, userId: user.id, role: In([Role.PATIENT, Role.CAREGIVER]) }))))) return [user.id];
    }
    return kase.leadAdvocateId ? [kase.leadAdvocateId] : [];
  }
}
