import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client imports in the background (docs/import.md, "What happens"): one row per import started,
 * with its state (queued, running, done, failed), rows done of the total, who started it and
 * what came of it. The checked rows wait in `rows` until the worker has imported them and are
 * then cleared, so no patient data stays here longer than the import. Row-level security as
 * every tenant table (RowLevelSecurity1795710000000): `tenant` compares organization_id with
 * the connection's organization, `system` is work that crosses organizations.
 */
export class ClientImportRuns1795750000000 implements MigrationInterface {
  name = 'ClientImportRuns1795750000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "client_import" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
        "started_by_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE,
        "status" character varying(16) NOT NULL DEFAULT 'QUEUED' CHECK ("status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        "invite_patients" boolean NOT NULL,
        "total_rows" integer NOT NULL,
        "rows_done" integer NOT NULL DEFAULT 0,
        "new_clients" integer,
        "existing_clients" integer,
        "invited" integer,
        "problems" integer,
        "rows" jsonb,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP(3) WITH TIME ZONE,
        "finished_at" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "PK_client_import" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_client_import_latest" ON "client_import" ("organization_id", "created_at")`);
    await q.query(`ALTER TABLE "client_import" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "client_import" FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY "tenant" ON "client_import" USING (organization_id = (SELECT app_organization_id())) WITH CHECK (organization_id = (SELECT app_organization_id()))`);
    await q.query(`CREATE POLICY "system" ON "client_import" USING ((SELECT app_is_system())) WITH CHECK ((SELECT app_is_system()))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "client_import"`);
  }
}
