import { ProviderNetworkStatus, ProviderVisitMode } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ProviderDirectoryEntry } from '../directory/provider-directory-entry.entity';

/**
 * A second-opinion provider being considered for a case. Copied from the directory when
 * picked there (the case keeps what was known when it was chosen), or typed in new.
 * At most one candidate per case is chosen (a partial unique index says so).
 */
@Entity('provider_candidate')
@Index(['caseId', 'createdAt'])
@Index('UQ_provider_candidate_chosen', ['caseId'], { unique: true, where: '"chosen"' })
// Trigram indexes for search, created by the migration SearchTrigramIndexes.
@Index('provider_candidate_name_trgm', { synchronize: false })
@Index('provider_candidate_institution_trgm', { synchronize: false })
export class ProviderCandidate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'uuid', nullable: true })
  directoryEntryId: string | null;

  @ManyToOne(() => ProviderDirectoryEntry, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'directory_entry_id' })
  directoryEntry?: ProviderDirectoryEntry | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  specialty: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  subSpecialty: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  institution: string;

  @Column({ type: 'boolean', default: false })
  academicCentre: boolean;

  /** Outside the current doctor's health system: a fresh set of eyes and habits. */
  @Column({ type: 'boolean', default: false })
  otherHealthSystem: boolean;

  @Column({ type: 'enum', enum: ProviderNetworkStatus, enumName: 'provider_network_status', default: ProviderNetworkStatus.UNKNOWN })
  network: ProviderNetworkStatus;

  @Column({ type: 'enum', enum: ProviderVisitMode, enumName: 'provider_visit_mode', default: ProviderVisitMode.IN_PERSON })
  visitMode: ProviderVisitMode;

  @Column({ type: 'int', nullable: true })
  expectedWaitDays: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  referredBy: string;

  /** Shared with the patient. */
  @Column({ type: 'text', default: '' })
  notes: string;

  /** Staff only: never selected for a patient or caregiver. */
  @Column({ type: 'text', default: '', select: false })
  staffNotes: string;

  @Column({ type: 'boolean', default: false })
  chosen: boolean;

  @Column({ type: 'text', default: '' })
  chosenReason: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  chosenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  chosenById: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
