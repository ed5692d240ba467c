import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '../user/user-account.entity';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a
 * database leak does not hand out sessions. Deleting or revoking the row ends it at once.
 */
@Entity('user_session')
export class UserSession {
  /** hex SHA-256 of the cookie token */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  /** What the "Signed-in devices" screen names it by: the id itself is never shown. */
  @Index('UQ_user_session_public_id', { unique: true })
  @Column({ type: 'uuid' })
  @Generated('uuid')
  publicId: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'int' })
  idleTimeoutSeconds: number;

  /** Absolute end, whatever the activity. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
