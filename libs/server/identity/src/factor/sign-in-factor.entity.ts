import { SignInFactorKind } from '@second-look/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../user/user-account.entity';

/**
 * A second sign-in step a person has set up: an authenticator app (TOTP) or a passkey.
 * The TOTP secret is stored encrypted (FactorSecrets, AES-256-GCM under SECRETS_KEY) and never
 * leaves the server after enrollment; a passkey is only its public key. A TOTP factor counts
 * once confirmed with a first code (`confirmedAt`).
 */
@Entity('sign_in_factor')
export class SignInFactor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_sign_in_factor_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sign_in_factor_user' })
  user?: UserAccount;

  @Column({ type: 'enum', enum: SignInFactorKind, enumName: 'sign_in_factor_kind' })
  kind: SignInFactorKind;

  /** The person's own name for it ("Work phone", "YubiKey"). */
  @Column({ type: 'varchar', length: 100 })
  label: string;

  /** TOTP: the encrypted secret (version:iv:tag:ciphertext, base64url). */
  @Column({ type: 'text', nullable: true, select: false })
  secretCiphertext: string | null;

  /** TOTP: the last 30-second step a code was accepted for; a code is never taken twice. */
  @Column({ type: 'bigint', nullable: true })
  lastTimeStep: string | null;

  /** Passkey: the credential id (base64url), unique across all people. */
  @Index('UQ_sign_in_factor_credential', { unique: true, where: 'credential_id IS NOT NULL' })
  @Column({ type: 'varchar', length: 1024, nullable: true })
  credentialId: string | null;

  /** Passkey: the COSE public key. */
  @Column({ type: 'bytea', nullable: true, select: false })
  publicKey: Buffer | null;

  /** Passkey: the authenticator's signature counter, to notice a cloned authenticator. */
  @Column({ type: 'bigint', default: 0 })
  signCount: string;

  /** Passkey: how the browser may reach it (usb, internal, hybrid …), comma-separated. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  transports: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The parent's organization, filled by a trigger for row-level security (migration RowLevelSecurity1795710000000). */
  @Index('IDX_sign_in_factor_organization')
  @Column({ type: 'uuid', select: false, insert: false, update: false })
  organizationId?: string;
}

/** One of a person's one-time recovery codes: only its SHA-256 is stored; used once. */
@Entity('recovery_code')
export class RecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_recovery_code_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_recovery_code_user' })
  user?: UserAccount;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The parent's organization, filled by a trigger for row-level security (migration RowLevelSecurity1795710000000). */
  @Index('IDX_recovery_code_organization')
  @Column({ type: 'uuid', select: false, insert: false, update: false })
  organizationId?: string;
}
