import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '@second-look/server-identity';

/**
 * A person's calendar feed. The URL carries a random secret; only its SHA-256 is stored (as for
 * sessions), so a database leak hands out no feeds. One feed per person: a reset replaces the
 * row, which revokes the old URL at once; turning it off deletes it.
 */
@Entity('calendar_feed')
export class CalendarFeed {
  /** hex SHA-256 of the secret in the URL */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  @Column({ type: 'uuid' })
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** When a calendar service last read it: shown to the owner, so an unknown reader stands out. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastFetchedAt: Date | null;
}
