import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search across cases (docs/architecture.md, "Search"): trigram indexes, so a misspelled
 * patient, provider or record holder name is found by similarity (`%>`, word similarity) and a
 * fragment by ILIKE, both through the index at 100,000 cases (see bench/search.bench.ts).
 * `pg_trgm` ships with PostgreSQL's contrib modules (the embedded binaries and the official
 * images carry it). The record-request index lists a holder's requests newest first.
 */
export class SearchTrigramIndexes1795650000000 implements MigrationInterface {
  name = 'SearchTrigramIndexes1795650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "patient_case_name_trgm" ON "patient_case" USING gin ("patient_name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "record_holder_name_trgm" ON "record_holder" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "provider_candidate_name_trgm" ON "provider_candidate" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "provider_candidate_institution_trgm" ON "provider_candidate" USING gin ("institution" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "record_request_by_holder_sent" ON "record_request" ("holder_id", "sent_on" DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."record_request_by_holder_sent"`);
    await queryRunner.query(`DROP INDEX "public"."provider_candidate_institution_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."provider_candidate_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."record_holder_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."patient_case_name_trgm"`);
    // The extension stays: other databases objects may use it, and it holds no data.
  }
}
