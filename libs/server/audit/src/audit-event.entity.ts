import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One read or write of patient data (or a security event). Append-only: a database
 * trigger refuses UPDATE, DELETE and TRUNCATE, so not even the application can rewrite it.
 */
@Entity('audit_event')
@Index(['organizationId', 'at'])
@Index(['organizationId', 'caseId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** e.g. case.read, case.update, comment.create, auth.sign_in */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  entityType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  /** Field names changed, never their values: the audit log holds no clinical content. */
  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
