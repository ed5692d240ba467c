import { AppointmentMode, VisitFeeling } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A visit (or video call) with a second-opinion provider, and how it went for the patient. */
@Entity('appointment')
@Index(['caseId', 'startsAt'])
export class Appointment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'enum', enum: AppointmentMode, enumName: 'appointment_mode' })
  mode: AppointmentMode;

  /** Address, building and floor; or the number to call. */
  @Column({ type: 'varchar', length: 500, default: '' })
  place: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  videoLink: string;

  /** The provider or institution, in words (also when a candidate is linked). */
  @Column({ type: 'varchar', length: 300 })
  providerName: string;

  /** The chosen provider candidate, when the case has one. */
  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  /** Shared: anything to bring besides the packet (insurance card, a list of medicines…). */
  @Column({ type: 'text', default: '' })
  bringNotes: string;

  /** Staff only: never selected for a patient or caregiver. */
  @Column({ type: 'text', default: '', select: false })
  staffNotes: string;

  @Column({ type: 'enum', enum: VisitFeeling, enumName: 'visit_feeling', array: true, default: '{}' })
  feelings: VisitFeeling[];

  /** Anything said at the visit that worried the patient, in their words. */
  @Column({ type: 'text', default: '' })
  worries: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  feelingsRecordedAt: Date | null;

  /** When the visit was called off; it stays on the case as history and reminds nobody. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
