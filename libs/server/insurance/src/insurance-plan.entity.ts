import { InsuranceNetworkType, InsurancePlanType } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The patient's health plan as it applies to this case: one per case. */
@Entity('insurance_plan')
export class InsurancePlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'varchar', length: 200 })
  payer: string;

  @Column({ type: 'enum', enum: InsurancePlanType, enumName: 'insurance_plan_type' })
  planType: InsurancePlanType;

  /** How the plan's network works (HMO, PPO…); null until someone knows (docs/domain.md, journey step 5). */
  @Column({ type: 'enum', enum: InsuranceNetworkType, enumName: 'insurance_network_type', nullable: true })
  networkType: InsuranceNetworkType | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  memberId: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  groupNumber: string;

  @Column({ type: 'varchar', length: 50, default: '' })
  phone: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
