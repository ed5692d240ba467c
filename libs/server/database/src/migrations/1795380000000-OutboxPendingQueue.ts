import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pending outbox rows are listed in their own narrow table instead of a partial index on
 * `dispatched_at IS NULL`. The relay claims a batch by deleting its ids there, and marking a
 * message dispatched then changes no indexed column, so PostgreSQL updates it in place (a HOT
 * update, which the spare room of fillfactor 50 leaves space for) instead of writing a new entry
 * into each of the table's indexes for every message relayed.
 */
export class OutboxPendingQueue1795380000000 implements MigrationInterface {
  name = 'OutboxPendingQueue1795380000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_pending" ("id" bigint NOT NULL, CONSTRAINT "PK_outbox_pending" PRIMARY KEY ("id"))`);
    await queryRunner.query(`INSERT INTO "outbox_pending" ("id") SELECT "id" FROM "outbox_message" WHERE "dispatched_at" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_pending"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" SET (fillfactor = 50)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" RESET (fillfactor)`);
    await queryRunner.query(`CREATE INDEX "outbox_message_pending" ON "outbox_message" ("id") WHERE dispatched_at IS NULL`);
    await queryRunner.query(`DROP TABLE "outbox_pending"`);
  }
}
