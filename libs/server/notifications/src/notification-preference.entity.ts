import { UserAccount } from '@second-look/server-identity';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One person's e-mail choices. No row means the defaults (DEFAULT_NOTIFICATION_PREFERENCES);
 * in-app notifications are always on. Quiet hours are read in the organization's zone.
 */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  @Column({ type: 'uuid' })
  organizationId: string;

  /** NotificationCategory -> EmailMode. */
  @Column({ type: 'jsonb' })
  email: Record<string, string>;

  /** Minutes after local midnight; both null when there are no quiet hours. */
  @Column({ type: 'smallint', nullable: true })
  quietStart: number | null;

  @Column({ type: 'smallint', nullable: true })
  quietEnd: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
