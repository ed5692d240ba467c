import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PacketItem } from '../packet/packet-item.entity';
import { RecordRequest } from './record-request.entity';

/** Which packet items a request asks for, and when each came in (partial receipt). */
@Entity('record_request_item')
export class RecordRequestItem {
  @PrimaryColumn({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => RecordRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RecordRequest;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  packetItemId: string;

  @ManyToOne(() => PacketItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'packet_item_id' })
  packetItem?: PacketItem;

  @Column({ type: 'date', nullable: true })
  receivedOn: string | null;

  /** The parent's organization, filled by a trigger for row-level security (migration RowLevelSecurity1795710000000). */
  @Index('IDX_record_request_item_organization')
  @Column({ type: 'uuid', select: false, insert: false, update: false })
  organizationId?: string;
}
