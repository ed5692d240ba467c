import { MigrationInterface, QueryRunner } from 'typeorm';

/** One idempotency ledger for every job's side effects (replaces the e-mail-only email_delivery). */
export class JobEffectLedger1795340000000 implements MigrationInterface {
  name = 'JobEffectLedger1795340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_effect" ("key" character varying(300) NOT NULL, "job_name" character varying(100) NOT NULL, "organization_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_job_effect_key" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "job_effect_created_at" ON "job_effect" ("created_at") `);
    await queryRunner.query(`INSERT INTO "job_effect" ("key", "job_name", "created_at") SELECT "key", 'send-invitation-email', "sent_at" FROM "email_delivery"`);
    await queryRunner.query(`DROP TABLE "email_delivery"`);
    // Undo: a pending delayed job can be removed through the outbox, in the transaction that undid the change.
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "action" character varying(10) NOT NULL DEFAULT 'add'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "action"`);
    await queryRunner.query(
      `CREATE TABLE "email_delivery" ("key" character varying(200) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ee4d7544c08eaeb7646ea96c31" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`INSERT INTO "email_delivery" ("key", "sent_at") SELECT "key", "created_at" FROM "job_effect" WHERE "job_name" = 'send-invitation-email' AND length("key") <= 200`);
    await queryRunner.query(`DROP INDEX "public"."job_effect_created_at"`);
    await queryRunner.query(`DROP TABLE "job_effect"`);
  }
}
