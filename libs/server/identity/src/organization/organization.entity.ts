import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An advocacy organization: the tenant. Every row of patient data belongs to exactly one. */
@Entity('organization')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** IANA zone; the organization's calendar dates and working hours are read in it. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Staff must add a second sign-in step (authenticator app or passkey) before they can work. */
  @Column({ type: 'boolean', default: false })
  requireStaffMfa: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
