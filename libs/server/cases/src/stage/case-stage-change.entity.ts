import { CaseStage } from '@second-look/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PatientCase } from '../case/patient-case.entity';

/** Every move of a case between stages: what actually happened, against which the timeline is read. */
@Entity('case_stage_change')
@Index(['caseId', 'at'])
export class CaseStageChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'enum', enum: CaseStage, enumName: 'case_stage', nullable: true })
  fromStage: CaseStage | null;

  @Column({ type: 'enum', enum: CaseStage, enumName: 'case_stage' })
  toStage: CaseStage;

  @Column({ type: 'uuid' })
  byUserId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
