import { Language, LANGUAGES } from '@second-look/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A sign-up waiting for its e-mail to be confirmed. The answer to `signUp` is the same whether
 * or not the address has an account (so it reveals nothing); the worker then e-mails either a
 * link that finishes the sign-up or, to an existing account's owner, a note saying so.
 * Only the token's SHA-256 is kept, and the password only as its argon2id hash.
 */
@Entity('sign_up_request')
export class SignUpRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_sign_up_request_email')
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  organizationName: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  /** The language chosen on the sign-up page: the new admin's, and the confirmation e-mail's. */
  @Column({ type: 'enum', enum: LANGUAGES, enumName: 'app_language', nullable: true })
  language: Language | null;

  @Index('IDX_sign_up_request_token', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  tokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
