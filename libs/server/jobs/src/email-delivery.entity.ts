import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The idempotency ledger for e-mail: one row per message that left for the SMTP server.
 * A retried or re-delivered job finds its row and sends nothing.
 */
@Entity('email_delivery')
export class EmailDelivery {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
