import { Language, LANGUAGES, Role } from '@second-look/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organization/organization.entity';

/** A person who can sign in: staff, a patient or a caregiver, in exactly one organization. */
@Entity('app_user')
export class UserAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Stored lower-cased, so the unique index is case-insensitive in effect. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  /** The language this person reads the product and their e-mails in; null until they choose. */
  @Column({ type: 'enum', enum: LANGUAGES, enumName: 'app_language', nullable: true })
  language: Language | null;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
