import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationPreferencesAndReminderSettings1795345000000 implements MigrationInterface {
  name = 'NotificationPreferencesAndReminderSettings1795345000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organization_reminder_settings" ("organization_id" uuid NOT NULL, "days_after_sent" smallint array NOT NULL, "target_soon_days" smallint NOT NULL, "legal_soon_days" smallint NOT NULL, "work_start" smallint NOT NULL, "work_end" smallint NOT NULL, "working_days" smallint array NOT NULL, "digest_hour" smallint NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f448ada2cb9561ed5895bd75ca9" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "email" jsonb NOT NULL, "quiet_start" smallint, "quiet_end" smallint, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff040d2d2e35c49b00525783829" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "notification" ADD "emailed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "digested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "notification_digest_pending" ON "notification" ("organization_id", "user_id") WHERE read_at IS NULL AND digested_at IS NULL AND emailed_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "organization_reminder_settings" ADD CONSTRAINT "FK_f448ada2cb9561ed5895bd75ca9" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"`);
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" DROP CONSTRAINT "FK_f448ada2cb9561ed5895bd75ca9"`);
    await queryRunner.query(`DROP INDEX "public"."notification_digest_pending"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "digested_at"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "emailed_at"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TABLE "organization_reminder_settings"`);
  }
}
