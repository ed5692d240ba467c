import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PacketItem } from '../packet/packet-item.entity';

/** A file attached to a packet item. The bytes live in object storage under `storageKey`. */
@Entity('case_document')
@Index(['packetItemId', 'createdAt'])
export class CaseDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  packetItemId: string;

  @ManyToOne(() => PacketItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'packet_item_id' })
  packetItem?: PacketItem;

  @Column({ type: 'varchar', length: 300 })
  storageKey: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
