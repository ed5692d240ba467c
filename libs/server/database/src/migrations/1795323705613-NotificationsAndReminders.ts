import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndReminders1795323705613 implements MigrationInterface {
  name = 'NotificationsAndReminders1795323705613';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(300) NOT NULL, "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(64) NOT NULL, "case_id" uuid, "record_request_id" uuid, "due_on" date, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f98ad0a58b7e3201a5e7a0fa1c" ON "notification"  ("key") `);
    await queryRunner.query(`CREATE INDEX "notification_unread" ON "notification"  ("user_id") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_73bfce92922b5fdb3c378fc8b9" ON "notification"  ("user_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_73bfce92922b5fdb3c378fc8b9"`);
    await queryRunner.query(`DROP INDEX "public"."notification_unread"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f98ad0a58b7e3201a5e7a0fa1c"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
