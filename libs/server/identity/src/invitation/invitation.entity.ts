import { CaregiverAccess, Role } from '@second-look/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An invitation by e-mail link: staff to the organization, or a patient / caregiver to one
 * case. Single use, with an expiry. The worker mints the token when it sends the e-mail and
 * only the token's SHA-256 is kept, so the link exists nowhere but in the recipient's inbox.
 */
@Entity('invitation')
@Index(['organizationId', 'createdAt'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  /** Set for patient and caregiver invitations. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'enum', enum: CaregiverAccess, enumName: 'caregiver_access', nullable: true })
  access: CaregiverAccess | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  tokenHash: string | null;

  @Column({ type: 'uuid' })
  invitedById: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
