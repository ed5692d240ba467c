import { DoctorScriptPurpose, DoctorScriptSituation } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A script the organization added to the built-in library, in its own words. */
@Entity('doctor_script')
@Index(['organizationId', 'createdAt'])
export class DoctorScript {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'enum', enum: DoctorScriptPurpose, enumName: 'doctor_script_purpose' })
  purpose: DoctorScriptPurpose;

  @Column({ type: 'enum', enum: DoctorScriptSituation, enumName: 'doctor_script_situation' })
  situation: DoctorScriptSituation;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** The script a patient picked for their case and made their own; one per case. */
@Entity('case_doctor_script')
export class CaseDoctorScript {
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

  /** A built-in key, `org:<id>` for an organization script, or empty when written from scratch. */
  @Column({ type: 'varchar', length: 100, default: '' })
  sourceKey: string;

  @Column({ type: 'enum', enum: DoctorScriptPurpose, enumName: 'doctor_script_purpose' })
  purpose: DoctorScriptPurpose;

  @Column({ type: 'enum', enum: DoctorScriptSituation, enumName: 'doctor_script_situation', nullable: true })
  situation: DoctorScriptSituation | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid' })
  updatedById: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
