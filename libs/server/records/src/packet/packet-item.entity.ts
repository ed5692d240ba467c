import { PacketItemKind, PacketItemState, ResponsibleParty } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { RecordHolder } from '../holder/record-holder.entity';

/** One thing the second-opinion provider needs to see, and where it stands. */
@Entity('packet_item')
@Index(['caseId', 'createdAt'])
export class PacketItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'enum', enum: PacketItemKind, enumName: 'packet_item_kind' })
  kind: PacketItemKind;

  /** Optional label, e.g. "MRI lumbar spine, March". */
  @Column({ type: 'varchar', length: 200, default: '' })
  title: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  holderId: string | null;

  @ManyToOne(() => RecordHolder, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'holder_id' })
  holder?: RecordHolder | null;

  @Column({ type: 'enum', enum: PacketItemState, enumName: 'packet_item_state', default: PacketItemState.NEEDED })
  state: PacketItemState;

  @Column({ type: 'enum', enum: ResponsibleParty, enumName: 'responsible_party', default: ResponsibleParty.ADVOCATE })
  responsible: ResponsibleParty;

  /** Shared with the patient. */
  @Column({ type: 'text', default: '' })
  notes: string;

  /** Staff only: never selected for a patient or caregiver. */
  @Column({ type: 'text', default: '', select: false })
  staffNotes: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
