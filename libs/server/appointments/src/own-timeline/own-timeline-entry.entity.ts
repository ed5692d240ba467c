import { OwnTimelineKind, OwnTimelineSeverity } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** One line of the patient's own log of symptoms and treatments tried: the "own timeline" of the packet. */
@Entity('own_timeline_entry')
@Index(['caseId', 'occurredOn'])
export class OwnTimelineEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'enum', enum: OwnTimelineKind, enumName: 'own_timeline_kind' })
  kind: OwnTimelineKind;

  @Column({ type: 'varchar', length: 1000 })
  what: string;

  @Column({ type: 'enum', enum: OwnTimelineSeverity, enumName: 'own_timeline_severity', nullable: true })
  severity: OwnTimelineSeverity | null;

  /** How a treatment went, or anything else worth saying. */
  @Column({ type: 'text', default: '' })
  howItWent: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
