import { CaseStage, CaseTrigger, Language, LANGUAGES, Urgency } from '@second-look/domain';
import { UserAccount } from '@second-look/server-identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * One patient's second-opinion journey, shared between the patient and their advocate.
 * Table name avoids the SQL keyword CASE.
 */
@Entity('patient_case')
@Index(['organizationId', 'updatedAt', 'id'])
// One per order and filter of the staff case list, each ending in its tie-break (migration CaseListIndexes).
@Index('patient_case_list_name', ['organizationId', 'patientName', 'id'])
@Index('patient_case_list_created', ['organizationId', 'createdAt', 'id'])
@Index('patient_case_list_urgency', ['organizationId', 'urgency', 'id'])
@Index('patient_case_list_stage', ['organizationId', 'stage', 'id'])
@Index('patient_case_list_lead', ['organizationId', 'leadAdvocateId', 'updatedAt', 'id'])
// Trigram index for search, created by the migration SearchTrigramIndexes (GIN opclass: not expressible here).
@Index('patient_case_name_trgm', { synchronize: false })
// The list by next due date, nothing due last: an expression index (migration CaseListNameAndNextDue).
@Index('patient_case_list_next_due', { synchronize: false })
// Finding the same client again on a re-import (expression and partial indexes), from the migration ClientImport.
@Index('patient_case_client_email', { synchronize: false })
@Index('patient_case_client_name_birth', { synchronize: false })
export class PatientCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  patientName: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  patientEmail: string | null;

  /** Known when the case came from a client import: with the name, it tells the same client again. */
  @Column({ type: 'date', nullable: true })
  patientDateOfBirth: string | null;

  /** The language the patient prefers to be spoken and written to in (staff see it on the case). */
  @Column({ type: 'enum', enum: LANGUAGES, enumName: 'app_language', default: 'en' })
  preferredLanguage: Language;

  /** The question the second opinion must answer. */
  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'text' })
  diagnosisInDoubt: string;

  @Column({ type: 'enum', enum: CaseTrigger, enumName: 'case_trigger', array: true, default: '{}' })
  triggers: CaseTrigger[];

  @Column({ type: 'text', default: '' })
  triggerNotes: string;

  /** The current doctor's specialty and sub-specialty, so candidates can be checked for a fresh lens. */
  @Column({ type: 'varchar', length: 200, default: '' })
  currentDoctorSpecialty: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  currentDoctorSubSpecialty: string;

  @Column({ type: 'enum', enum: Urgency, enumName: 'case_urgency', default: Urgency.ROUTINE })
  urgency: Urgency;

  /** A PostgreSQL enum declared in journey order, so ORDER BY stage follows the journey. */
  @Column({ type: 'enum', enum: CaseStage, enumName: 'case_stage', default: CaseStage.DECIDE })
  stage: CaseStage;

  /** Shared with the patient; both edit it. */
  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'uuid', nullable: true })
  leadAdvocateId: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_advocate_id' })
  leadAdvocate?: UserAccount | null;

  @Column({ type: 'uuid' })
  createdById: string;

  /** Bumped on every change; a save based on an older version is refused. */
  @VersionColumn()
  version: number;

  // Millisecond precision, like JavaScript dates, so keyset cursors compare exactly.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /**
   * The earliest date something on the case falls due (YYYY-MM-DD; null when nothing is):
   * kept by triggers on record requests and tasks (migration CaseListNameAndNextDue), never
   * written by the app, so a save of a case read earlier cannot put back an old date.
   */
  @Column({ type: 'date', nullable: true, insert: false, update: false })
  nextDueOn: string | null;
}
