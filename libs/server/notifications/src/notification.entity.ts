import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An in-app notification for one person. `key` is unique: a job that runs twice inserts once.
 * It carries ids and a kind, never clinical text; the client words it and links to the case.
 */
@Entity('notification')
@Index(['userId', 'createdAt'])
@Index('notification_unread', ['userId'], { where: 'read_at IS NULL' })
// What the daily digest looks for, per organization: unread and not yet e-mailed or listed.
@Index('notification_digest_pending', ['organizationId', 'userId'], { where: 'read_at IS NULL AND digested_at IS NULL AND emailed_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** e.g. record_request.TARGET_DUE */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordRequestId: string | null;

  /** The date the notification is about (a due date), if any. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** When it went out as an e-mail of its own (immediate); it then stays out of digests. */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  /** When it was listed in a daily digest; it is never listed twice. */
  @Column({ type: 'timestamptz', nullable: true })
  digestedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
