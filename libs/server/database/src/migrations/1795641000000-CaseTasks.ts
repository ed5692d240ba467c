import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tasks on a case (docs/domain.md, "Tasks"): given to a person, with a due date, a reminder date, and who ticked it done and when. */
export class CaseTasks1795641000000 implements MigrationInterface {
  name = 'CaseTasks1795641000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "details" text NOT NULL DEFAULT '', "assignee_id" uuid, "internal" boolean NOT NULL DEFAULT false, "due_on" date, "remind_on" date, "done_at" TIMESTAMP(3) WITH TIME ZONE, "done_by_id" uuid, "created_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06ca77cf52ae5e6d862daf4ec23" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_task_open_assignee" ON "case_task"  ("assignee_id", "due_on") WHERE "done_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_b8914a82530c1a5b36dfe644d4" ON "case_task"  ("case_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "case_task" ADD CONSTRAINT "FK_8dbe360f490d27733f9a2e6032d" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_task" DROP CONSTRAINT "FK_8dbe360f490d27733f9a2e6032d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8914a82530c1a5b36dfe644d4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_task_open_assignee"`);
    await queryRunner.query(`DROP TABLE "case_task"`);
  }
}
