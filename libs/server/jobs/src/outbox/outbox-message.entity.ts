import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Background work decided inside a database transaction. The row commits (or rolls back)
 * with the change that needs the work; the relay then hands it to BullMQ. So a crash between
 * the commit and the enqueue loses nothing, and a rolled-back change enqueues nothing.
 */
@Entity('outbox_message')
@Index('outbox_message_subject', ['queue', 'subjectId'], { where: 'subject_id IS NOT NULL' })
@Index('outbox_message_job', ['queue', 'jobId'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  queue: string;

  @Column({ type: 'varchar', length: 100 })
  jobName: string;

  /** Deterministic BullMQ job id: relaying the same message twice yields one job. */
  @Column({ type: 'varchar', length: 200 })
  jobId: string;

  /**
   * `add` (the default) enqueues the job; `remove` takes a pending delayed job out again, so
   * undoing a change (records received, a date moved, a case closed) cancels its reminders in
   * the same transaction. A job already running is left to finish: it re-reads state and no-ops.
   */
  @Column({ type: 'varchar', length: 10, default: 'add' })
  action: 'add' | 'remove';

  /** What the job is about (e.g. a record request id): undo cancels by subject (OutboxService.cancelPending). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  subjectId: string | null;

  /** Ids only; the job re-reads state when it runs. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** Not before this moment (delayed jobs: reminders); now() for immediate work. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set by the relay when Redis has the job; until then the row's id is in OutboxPending. */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}

/**
 * The ids of messages not yet relayed: the relay's work queue. Claiming a batch deletes its
 * ids here (committed only once Redis has the jobs), so the message itself is updated without
 * touching an index (see migration OutboxPendingQueue).
 */
@Entity('outbox_pending')
export class OutboxPending {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_outbox_pending' })
  id: string;
}
