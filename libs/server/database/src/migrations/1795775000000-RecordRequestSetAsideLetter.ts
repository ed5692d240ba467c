import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request letter saved in one language is kept when staff change the letters' language, and
 * comes back if they change it back (docs/domain.md, the record packet): before, the
 * saved (often edited, sent) text was dropped for a fresh draft in the new language.
 */
export class RecordRequestSetAsideLetter1795775000000 implements MigrationInterface {
  name = 'RecordRequestSetAsideLetter1795775000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "record_request" ADD "set_aside_letter" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "record_request" ADD "set_aside_letter_language" "public"."app_language"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "record_request" DROP COLUMN "set_aside_letter_language"`);
    await queryRunner.query(`ALTER TABLE "record_request" DROP COLUMN "set_aside_letter"`);
  }
}
