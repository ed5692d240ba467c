import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '../user/user-account.entity';

/**
 * A browser this person has signed in from before (OWASP's "device cookie"). The `sl_device`
 * cookie holds a random token; only its SHA-256 is stored. A sign-in from a known device has its
 * own failure budget, which a stranger's failures cannot use up (see LoginRateLimiter).
 */
@Entity('known_device')
export class KnownDevice {
  /** hex SHA-256 of the device cookie */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  deviceHash: string;

  @Index('IDX_known_device_user')
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_known_device_user' })
  user?: UserAccount;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSignInAt: Date;

  /** The parent's organization, filled by a trigger for row-level security (migration RowLevelSecurity1795710000000). */
  @Index('IDX_known_device_organization')
  @Column({ type: 'uuid', select: false, insert: false, update: false })
  organizationId?: string;
}
