import { OpinionComparisonOutcome } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * How the opinions on the case relate, judged once per round: the row for two opinions stays
 * when a third is added and compared, so the history of the case can be read back.
 */
@Entity('opinion_comparison')
@Index(['caseId', 'opinionCount'], { unique: true })
export class OpinionComparison {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  /** How many opinions were on the table when this was judged. */
  @Column({ type: 'int' })
  opinionCount: number;

  @Column({ type: 'enum', enum: OpinionComparisonOutcome, enumName: 'opinion_comparison_outcome' })
  outcome: OpinionComparisonOutcome;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid' })
  byUserId: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
