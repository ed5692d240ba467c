import { CaseEventKind } from '@second-look/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a case's activity feed ("Sam added a lab results item"), written in the same
 * transaction as the change it describes, and the source of the live event sent to the
 * other people on the case. A separate table rather than the audit log: the audit log is
 * every read and write for compliance (huge, admin-only), this is the few writes a person
 * wants to see, cheap to page per case, with the staff-only flag as a column so patients'
 * feeds are filtered in SQL. It holds ids and non-clinical words (field names, stages), never
 * the text itself.
 */
@Entity('case_activity')
@Index('case_activity_case_time', ['caseId', 'createdAt'])
export class CaseActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  /** Null for the system (a reminder job); kept when the person later leaves. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind: CaseEventKind;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  /** Internal comments, staff notes: never shown to a patient or caregiver. */
  @Column({ type: 'boolean', default: false })
  staffOnly: boolean;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
