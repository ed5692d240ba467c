import { Urgency } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { CaseDocument } from '@second-look/server-records';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** One doctor's opinion on the case: 1 is the current doctor's, 2 the second opinion, 3 a third... */
@Entity('case_opinion')
@Index(['caseId', 'number'], { unique: true })
export class CaseOpinion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 300 })
  providerName: string;

  /** The provider candidate this opinion came from, when linked. */
  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ type: 'date' })
  givenOn: string;

  @Column({ type: 'text', default: '' })
  diagnosis: string;

  @Column({ type: 'text', default: '' })
  recommendedPlan: string;

  @Column({ type: 'enum', enum: Urgency, enumName: 'case_urgency', default: Urgency.ROUTINE })
  urgency: Urgency;

  /** Why the doctor thinks so: what lets the patient ask the others "why". */
  @Column({ type: 'text', default: '' })
  reasoning: string;

  /** The report or letter in the packet that this opinion is read from. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sourceDocumentId: string | null;

  @ManyToOne(() => CaseDocument, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_document_id' })
  sourceDocument?: CaseDocument | null;

  /** Staff only: never selected for a patient or caregiver. */
  @Column({ type: 'text', default: '', select: false })
  staffNotes: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
