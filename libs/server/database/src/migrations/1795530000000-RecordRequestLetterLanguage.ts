import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language of a record request's letters (the request letter and the follow-up), chosen by
 * staff per request: English by default, since the holder is a US office; Spanish when asked.
 */
export class RecordRequestLetterLanguage1795530000000 implements MigrationInterface {
  name = 'RecordRequestLetterLanguage1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "record_request" ADD "letter_language" "public"."app_language" NOT NULL DEFAULT 'en'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "record_request" DROP COLUMN "letter_language"`);
  }
}
