import { MigrationInterface, QueryRunner } from 'typeorm';

/** The activity feed of a case, written alongside each change and paged newest first per case. */
export class CaseActivity1795360000000 implements MigrationInterface {
  name = 'CaseActivity1795360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "actor_user_id" uuid, "kind" character varying(40) NOT NULL, "entity_id" uuid, "staff_only" boolean NOT NULL DEFAULT false, "detail" jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e2ce7edb3bb2d856bdaf3937214" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "case_activity_case_time" ON "case_activity" ("case_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."case_activity_case_time"`);
    await queryRunner.query(`DROP TABLE "case_activity"`);
  }
}
