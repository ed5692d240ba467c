import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records board's kept counts (`record_board_count`, RecordBoardCounts1795730000000) came in
 * the same round as row-level security (RowLevelSecurity1795710000000) and after it, so they get
 * its two policies here: `tenant` (a plain compare of organization_id with the connection's
 * organization) and `system` (work that crosses organizations, such as the nightly prune). The
 * triggers that keep the counts run as the writer, inside the writer's organization, so their
 * rows pass the same check. See docs/operations.md, "Database roles and row-level security".
 */
export class RecordBoardCountRowLevelSecurity1795740000000 implements MigrationInterface {
  name = 'RecordBoardCountRowLevelSecurity1795740000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "record_board_count" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "record_board_count" FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY "tenant" ON "record_board_count" USING (organization_id = (SELECT app_organization_id())) WITH CHECK (organization_id = (SELECT app_organization_id()))`);
    await q.query(`CREATE POLICY "system" ON "record_board_count" USING ((SELECT app_is_system())) WITH CHECK ((SELECT app_is_system()))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY "system" ON "record_board_count"`);
    await q.query(`DROP POLICY "tenant" ON "record_board_count"`);
    await q.query(`ALTER TABLE "record_board_count" NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "record_board_count" DISABLE ROW LEVEL SECURITY`);
  }
}
