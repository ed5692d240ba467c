import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RecordRequest } from './record-request.entity';

export enum FollowUpChannel {
  CALL = 'CALL',
  FAX = 'FAX',
  EMAIL = 'EMAIL',
  PORTAL = 'PORTAL',
  IN_PERSON = 'IN_PERSON',
}

/** One chase of a request: who, when, how, and what came of it. */
@Entity('record_follow_up')
@Index(['requestId', 'at'])
export class RecordFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => RecordRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RecordRequest;

  @Column({ type: 'enum', enum: FollowUpChannel, enumName: 'follow_up_channel' })
  channel: FollowUpChannel;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'uuid' })
  byUserId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
