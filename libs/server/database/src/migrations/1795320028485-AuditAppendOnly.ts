import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only in the database itself: UPDATE, DELETE and TRUNCATE raise,
 * whoever runs them (the application, a console, a bug).
 */
export class AuditAppendOnly1795320028485 implements MigrationInterface {
  name = 'AuditAppendOnly1795320028485';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_update_delete ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
