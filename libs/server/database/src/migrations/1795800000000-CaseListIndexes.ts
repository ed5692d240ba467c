import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff case list (CaseService.list) reads one page in the order a person picks, filtered
 * by stage, urgency or lead advocate. Without an index in that order PostgreSQL reads every
 * matching case of the organization and sorts them for each page: by patient name, 3.8 ms at
 * 5,000 cases and growing with the organization (bench/board-scale.bench.ts, "Staff case
 * views"). One index per sort the list offers ends in the id, the list's tie-break, so a page
 * is a short index range whatever the organization's size; the lead advocate's one also keeps
 * an advocate's own cases ("mine", their list as it opens) in last-updated order. The stage
 * and lead advocate indexes replace the two that ended without the sort columns.
 */
export class CaseListIndexes1795800000000 implements MigrationInterface {
  name = 'CaseListIndexes1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "patient_case_list_name" ON "patient_case" ("organization_id", "patient_name", "id")`);
    await queryRunner.query(`CREATE INDEX "patient_case_list_created" ON "patient_case" ("organization_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "patient_case_list_urgency" ON "patient_case" ("organization_id", "urgency", "id")`);
    await queryRunner.query(`CREATE INDEX "patient_case_list_stage" ON "patient_case" ("organization_id", "stage", "id")`);
    await queryRunner.query(`CREATE INDEX "patient_case_list_lead" ON "patient_case" ("organization_id", "lead_advocate_id", "updated_at", "id")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_772d66712cfa57e0d4e5714f12"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f5be12f1dab4a963aa00b1d45"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_3f5be12f1dab4a963aa00b1d45" ON "patient_case" ("organization_id", "lead_advocate_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_772d66712cfa57e0d4e5714f12" ON "patient_case" ("organization_id", "stage")`);
    await queryRunner.query(`DROP INDEX "public"."patient_case_list_lead"`);
    await queryRunner.query(`DROP INDEX "public"."patient_case_list_stage"`);
    await queryRunner.query(`DROP INDEX "public"."patient_case_list_urgency"`);
    await queryRunner.query(`DROP INDEX "public"."patient_case_list_created"`);
    await queryRunner.query(`DROP INDEX "public"."patient_case_list_name"`);
  }
}
