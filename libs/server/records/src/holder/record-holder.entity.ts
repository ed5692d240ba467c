import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A provider or facility that holds records, kept once per organization and reused across cases. */
@Entity('record_holder')
@Index(['organizationId', 'name'])
// Trigram index for search, created by the migration SearchTrigramIndexes.
@Index('record_holder_name_trgm', { synchronize: false })
export class RecordHolder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  department: string;

  @Column({ type: 'varchar', length: 50, default: '' })
  phone: string;

  @Column({ type: 'varchar', length: 50, default: '' })
  fax: string;

  @Column({ type: 'varchar', length: 320, default: '' })
  email: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  portalUrl: string;

  @Column({ type: 'text', default: '' })
  address: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
