import { CasePhase } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Staff moved a phase's target date, and said why. Kept as history: the latest per phase applies. */
@Entity('case_timeline_adjustment')
@Index(['caseId', 'createdAt'])
export class TimelineAdjustment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'enum', enum: CasePhase, enumName: 'case_phase' })
  phase: CasePhase;

  @Column({ type: 'date' })
  targetOn: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  byUserId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
