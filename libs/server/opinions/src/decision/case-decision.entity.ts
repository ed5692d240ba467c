import { CaseOutcome, RecordsReleaseState } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseOpinion } from '../opinion/case-opinion.entity';

/** The patient's decision and how the loop was closed: follow-up, records release, outcome. */
@Entity('case_decision')
export class CaseDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid', unique: true })
  caseId: string;

  @OneToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'text' })
  decision: string;

  @Column({ type: 'text', default: '' })
  reasons: string;

  /** The opinion the patient follows, when one. */
  @Column({ type: 'uuid', nullable: true })
  chosenOpinionId: string | null;

  @ManyToOne(() => CaseOpinion, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'chosen_opinion_id' })
  chosenOpinion?: CaseOpinion | null;

  /** The follow-up with the current doctor to share the findings. */
  @Column({ type: 'date', nullable: true })
  followUpOn: string | null;

  @Column({ type: 'text', default: '' })
  followUpOutcome: string;

  @Column({ type: 'boolean', default: false })
  careMoves: boolean;

  @Column({ type: 'varchar', length: 300, default: '' })
  newProviderName: string;

  @Column({ type: 'enum', enum: RecordsReleaseState, enumName: 'records_release_state', default: RecordsReleaseState.NOT_NEEDED })
  recordsRelease: RecordsReleaseState;

  @Column({ type: 'date', nullable: true })
  recordsReleasedOn: string | null;

  @Column({ type: 'enum', enum: CaseOutcome, enumName: 'case_outcome', nullable: true })
  outcome: CaseOutcome | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @Column({ type: 'uuid' })
  updatedById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
