import { MigrationInterface, QueryRunner } from 'typeorm';

/** A case's two notes (shared, staff-only) as Yjs documents, one row each. */
export class CaseNotes1795365000000 implements MigrationInterface {
  name = 'CaseNotes1795365000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."case_note_kind" AS ENUM('SHARED', 'STAFF')`);
    await queryRunner.query(
      `CREATE TABLE "case_note" ("case_id" uuid NOT NULL, "kind" "public"."case_note_kind" NOT NULL, "organization_id" uuid NOT NULL, "state" bytea NOT NULL, "text_length" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '0', "updated_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_781c816110b7e75d6516af8510d" PRIMARY KEY ("case_id", "kind"))`,
    );
    await queryRunner.query(`ALTER TABLE "case_note" ADD CONSTRAINT "FK_e9997cf60eeebccc538b273d76e" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_note" DROP CONSTRAINT "FK_e9997cf60eeebccc538b273d76e"`);
    await queryRunner.query(`DROP TABLE "case_note"`);
    await queryRunner.query(`DROP TYPE "public"."case_note_kind"`);
  }
}
