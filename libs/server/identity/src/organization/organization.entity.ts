import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An advocacy organisation: the tenant. Every row of patient data belongs to exactly one. */
@Entity('organization')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** IANA zone; the organisation's calendar dates and working hours are read in it. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
