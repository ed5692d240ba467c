import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../user/user-account.entity';

/**
 * "Forgot your password?": one request for a new password. Like an invitation, the worker mints
 * the token when it sends the e-mail and only its SHA-256 is kept. Single use, short-lived.
 */
@Entity('password_reset')
export class PasswordReset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_password_reset_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_reset_user' })
  user?: UserAccount;

  @Index('IDX_password_reset_token', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  tokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the new password was saved, or when a later reset or a newer link replaced this one. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
