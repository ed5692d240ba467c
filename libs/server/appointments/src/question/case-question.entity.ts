import { StarterQuestion } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * One question the patient wants answered, on the case rather than on one appointment: the
 * list is prepared before a visit is booked, and carries over to a third opinion so the
 * answers of each visit can be read side by side.
 */
@Entity('case_question')
@Index(['caseId', 'position'])
export class CaseQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  /** Which suggested question this row came from; the client words it. Null for the patient's own. */
  @Column({ type: 'enum', enum: StarterQuestion, enumName: 'starter_question', nullable: true })
  starter: StarterQuestion | null;

  /** The patient's own words (also an edited suggestion). Empty for an unedited suggestion. */
  @Column({ type: 'text', default: '' })
  text: string;

  /** 0-based place in the patient's order. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid' })
  createdById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
