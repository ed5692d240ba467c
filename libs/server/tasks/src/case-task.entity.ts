import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * A task on a case (docs/domain.md, "Tasks"): given to a staff member or to the patient or a
 * caregiver, with a due date and an optional reminder. Internal tasks are for staff only and
 * are filtered out in SQL for anyone else.
 */
@Entity('case_task')
@Index(['caseId', 'createdAt'])
@Index('IDX_case_task_open_assignee', ['assigneeId', 'dueOn'], { where: '"done_at" IS NULL' })
export class CaseTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  details: string;

  /** The person it is given to (staff, the patient or a caregiver of the case); null when nobody yet. */
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'date', nullable: true })
  remindOn: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  doneAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  doneById: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
