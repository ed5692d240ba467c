import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseStageHistoryAndTimeline1795323260258 implements MigrationInterface {
  name = 'CaseStageHistoryAndTimeline1795323260258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_stage_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "from_stage" "public"."case_stage", "to_stage" "public"."case_stage" NOT NULL, "by_user_id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_01b47c15c63f374f4521780c109" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ecfebffb8fa2e3466f0584cf3c" ON "case_stage_change"  ("case_id", "at") `);
    await queryRunner.query(`CREATE TYPE "public"."case_phase" AS ENUM('RECORDS', 'APPOINTMENT', 'FOLLOW_UP')`);
    await queryRunner.query(
      `CREATE TABLE "case_timeline_adjustment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "phase" "public"."case_phase" NOT NULL, "target_on" date NOT NULL, "reason" text NOT NULL, "by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6261af8ea9abb2002db734892c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_141d8b9b46e88073f0fec6e0e3" ON "case_timeline_adjustment"  ("case_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "case_stage_change" ADD CONSTRAINT "FK_fb866cedee972dc4c1c4ff880d5" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_timeline_adjustment" ADD CONSTRAINT "FK_cc12c66f285617042598890f602" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_timeline_adjustment" DROP CONSTRAINT "FK_cc12c66f285617042598890f602"`);
    await queryRunner.query(`ALTER TABLE "case_stage_change" DROP CONSTRAINT "FK_fb866cedee972dc4c1c4ff880d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_141d8b9b46e88073f0fec6e0e3"`);
    await queryRunner.query(`DROP TABLE "case_timeline_adjustment"`);
    await queryRunner.query(`DROP TYPE "public"."case_phase"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ecfebffb8fa2e3466f0584cf3c"`);
    await queryRunner.query(`DROP TABLE "case_stage_change"`);
  }
}
