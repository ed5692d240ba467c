import { MigrationInterface, QueryRunner } from 'typeorm';

export class TransactionalOutbox1795322495418 implements MigrationInterface {
  name = 'TransactionalOutbox1795322495418';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" BIGSERIAL NOT NULL, "queue" character varying(100) NOT NULL, "job_name" character varying(100) NOT NULL, "job_id" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_message_pending" ON "outbox_message"  ("id") WHERE dispatched_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_message_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
  }
}
