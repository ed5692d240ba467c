import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Importing clients from a spreadsheet (docs/import.md): the patient's date of birth, which
 * with the name tells an existing client when there is no e-mail, and indexes for finding the
 * same client again on a re-import (by e-mail, and by name and date of birth).
 */
export class ClientImport1795650000001 implements MigrationInterface {
  name = 'ClientImport1795650000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "patient_case" ADD "patient_date_of_birth" date`);
    await queryRunner.query(`CREATE INDEX "patient_case_client_email" ON "patient_case" ("organization_id", lower("patient_email")) WHERE patient_email IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "patient_case_client_name_birth" ON "patient_case" ("organization_id", "patient_date_of_birth") WHERE patient_date_of_birth IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."patient_case_client_name_birth"`);
    await queryRunner.query(`DROP INDEX "public"."patient_case_client_email"`);
    await queryRunner.query(`ALTER TABLE "patient_case" DROP COLUMN "patient_date_of_birth"`);
  }
}
