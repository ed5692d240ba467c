import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spanish beside English. `app_user.language` is the language a person reads the product and
 * their e-mails in (NULL until they choose; the browser decides until then). A case's
 * `preferred_language` is the patient's own preference, shown to staff and used for e-mails to
 * a patient who has not chosen yet (an invitation, say). Both are 'en' or 'es'.
 */
export class Languages1795490000000 implements MigrationInterface {
  name = 'Languages1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."app_language" AS ENUM('en', 'es')`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "language" "public"."app_language"`);
    await queryRunner.query(`ALTER TABLE "patient_case" ADD "preferred_language" "public"."app_language" NOT NULL DEFAULT 'en'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "patient_case" DROP COLUMN "preferred_language"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
    await queryRunner.query(`DROP TYPE "public"."app_language"`);
  }
}
