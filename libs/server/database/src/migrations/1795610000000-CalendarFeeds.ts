import { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal calendar feeds: the hash of each person's secret feed URL (one per person). */
export class CalendarFeeds1795610000000 implements MigrationInterface {
  name = 'CalendarFeeds1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed" ("token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_fetched_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_3a0b1d1c7619ea19ff1affaaf70" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_29b8f216ae4f5fdd5bcc8de811" ON "calendar_feed" ("user_id") `);
    await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29b8f216ae4f5fdd5bcc8de811"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}
