import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an outbox row is about (e.g. the record request of a reminder), so an undo can cancel
 * that subject's pending jobs and reconcile can rebuild them, without scanning payloads.
 */
export class OutboxSubject1795340000001 implements MigrationInterface {
  name = 'OutboxSubject1795340000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "subject_id" character varying(100)`);
    await queryRunner.query(`CREATE INDEX "outbox_message_subject" ON "outbox_message" ("queue", "subject_id") WHERE subject_id IS NOT NULL`);
    // Reconcile walks the latest row per (queue, job_id) in key order, a page at a time.
    await queryRunner.query(`CREATE INDEX "outbox_message_job" ON "outbox_message" ("queue", "job_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_message_job"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_subject"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "subject_id"`);
  }
}
