import { InsuranceOutcome } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One call to the health plan, logged as it happened: who answered, the reference number,
 * the answers to the check's questions, and the outcome. Calls are history and never edited;
 * the latest one says where the check stands.
 */
@Entity('insurance_call')
@Index(['caseId', 'calledOn', 'createdAt'])
export class InsuranceCall {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'date' })
  calledOn: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  representative: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  referenceNumber: string;

  /** Null: not asked, or they could not say. */
  @Column({ type: 'boolean', nullable: true })
  covered: boolean | null;

  @Column({ type: 'text', default: '' })
  networkRestrictions: string;

  @Column({ type: 'boolean', nullable: true })
  preAuthRequired: boolean | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  preAuthNumber: string;

  @Column({ type: 'date', nullable: true })
  preAuthValidFrom: string | null;

  @Column({ type: 'date', nullable: true })
  preAuthValidTo: string | null;

  @Column({ type: 'boolean', nullable: true })
  referringDoctorMustRequest: boolean | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  costShare: string;

  @Column({ type: 'enum', enum: InsuranceOutcome, enumName: 'insurance_outcome' })
  outcome: InsuranceOutcome;

  /** Shared with the patient. */
  @Column({ type: 'text', default: '' })
  notes: string;

  /** Staff only: never selected for a patient or caregiver. */
  @Column({ type: 'text', default: '', select: false })
  staffNotes: string;

  @Column({ type: 'uuid' })
  byUserId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
