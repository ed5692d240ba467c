import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The idempotency ledger: one row per side effect that has happened (an e-mail accepted by
 * the SMTP server, a batch of in-app notifications, an escalation). The key names the effect,
 * not the job run, so a retried, stalled, re-delivered or re-created job finds its row and
 * does nothing. Written by EffectLedger in the same transaction as the effect.
 */
@Entity('job_effect')
@Index('job_effect_created_at', ['createdAt'])
export class JobEffect {
  /** e.g. `record-reminder.<request>.<kind>.<date>`, `invitation-email.<id>`. */
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  /** The job (JobName) that produced the effect, for the staff view and for pruning. */
  @Column({ type: 'varchar', length: 100 })
  jobName: string;

  /** The organization the effect belongs to, when there is one (tenancy of the staff view). */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
