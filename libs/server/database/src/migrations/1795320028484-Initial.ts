import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795320028484 implements MigrationInterface {
  name = 'Initial1795320028484';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid, "actor_user_id" uuid, "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(64), "case_id" uuid, "ip" character varying(64), "user_agent" character varying(300), "detail" jsonb, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a88f42bc7b8bda9b4ad033b575" ON "audit_event"  ("organization_id", "case_id", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_b0c323f055ab509298bb8428be" ON "audit_event"  ("organization_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "time_zone" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'COORDINATOR', 'ADVOCATE', 'PATIENT', 'CAREGIVER')`);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" character varying(320) NOT NULL, "display_name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "password_hash" text NOT NULL, "deactivated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c4c90a083fb10c1386782b5aac" ON "app_user"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "user_session" ("id" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "idle_timeout_seconds" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "user_agent" character varying(300), CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session"  ("user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."caregiver_access" AS ENUM('VIEW', 'COMMENT', 'EDIT')`);
    await queryRunner.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" character varying(320) NOT NULL, "role" "public"."user_role" NOT NULL, "case_id" uuid, "access" "public"."caregiver_access", "token_hash" character varying(64), "invited_by_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_user_id" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fc5e8eea3e37a974d7aff618f2" ON "invitation"  ("case_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b827d3749ffbb3b5ab5099afd6" ON "invitation"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_79954c92eec2befab6829ae231" ON "invitation"  ("organization_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "email_delivery" ("key" character varying(200) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ee4d7544c08eaeb7646ea96c31" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_trigger" AS ENUM('MAJOR_DIAGNOSIS', 'RISKY_TREATMENT', 'UNCERTAIN_DIAGNOSIS', 'NO_IMPROVEMENT', 'RARE_CONDITION', 'FEELS_UNHEARD', 'CONFLICTING_INFORMATION', 'PERSISTENT_DOUBT')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."case_urgency" AS ENUM('ROUTINE', 'URGENT')`);
    await queryRunner.query(
      `CREATE TYPE "public"."case_stage" AS ENUM('DECIDE', 'TALK_TO_DOCTOR', 'GATHER_RECORDS', 'CHOOSE_PROVIDER', 'VERIFY_INSURANCE', 'PREPARE', 'APPOINTMENT', 'COMPARE_AND_DECIDE', 'CLOSE_THE_LOOP', 'CLOSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "patient_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "patient_name" character varying(200) NOT NULL, "patient_email" character varying(320), "question" text NOT NULL, "diagnosis_in_doubt" text NOT NULL, "triggers" "public"."case_trigger" array NOT NULL DEFAULT '{}', "trigger_notes" text NOT NULL DEFAULT '', "urgency" "public"."case_urgency" NOT NULL DEFAULT 'ROUTINE', "stage" "public"."case_stage" NOT NULL DEFAULT 'DECIDE', "summary" text NOT NULL DEFAULT '', "lead_advocate_id" uuid, "created_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e2e077c284f45adbc298c646957" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_772d66712cfa57e0d4e5714f12" ON "patient_case"  ("organization_id", "stage") `);
    await queryRunner.query(`CREATE INDEX "IDX_3f5be12f1dab4a963aa00b1d45" ON "patient_case"  ("organization_id", "lead_advocate_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6a01a800c68de385d938ca6ef6" ON "patient_case"  ("organization_id", "updated_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "case_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."user_role" NOT NULL, "access" "public"."caregiver_access", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e725afedb53a40f1d5b0737263f" UNIQUE ("case_id", "user_id"), CONSTRAINT "PK_a1f9d5abc2d1fa494ce1aee8599" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a8c3861be88f701d8278391564" ON "case_participant"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "case_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "internal" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf3fac04fffd4b72988cec36ca8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5d86ab2f5d85d3efd407e23d68" ON "case_comment"  ("case_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "patient_case" ADD CONSTRAINT "FK_6e249f1f915223b6ee4fba69268" FOREIGN KEY ("lead_advocate_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_participant" ADD CONSTRAINT "FK_5331713e8cb1f9d3b8878b473cb" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "case_participant" ADD CONSTRAINT "FK_a8c3861be88f701d82783915649" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_comment" ADD CONSTRAINT "FK_33f1a6e9083be3bef5d11827bfa" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_comment" ADD CONSTRAINT "FK_0fe8b393d1bc17794b9f9aab3f0" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_comment" DROP CONSTRAINT "FK_0fe8b393d1bc17794b9f9aab3f0"`);
    await queryRunner.query(`ALTER TABLE "case_comment" DROP CONSTRAINT "FK_33f1a6e9083be3bef5d11827bfa"`);
    await queryRunner.query(`ALTER TABLE "case_participant" DROP CONSTRAINT "FK_a8c3861be88f701d82783915649"`);
    await queryRunner.query(`ALTER TABLE "case_participant" DROP CONSTRAINT "FK_5331713e8cb1f9d3b8878b473cb"`);
    await queryRunner.query(`ALTER TABLE "patient_case" DROP CONSTRAINT "FK_6e249f1f915223b6ee4fba69268"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5d86ab2f5d85d3efd407e23d68"`);
    await queryRunner.query(`DROP TABLE "case_comment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a8c3861be88f701d8278391564"`);
    await queryRunner.query(`DROP TABLE "case_participant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a01a800c68de385d938ca6ef6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f5be12f1dab4a963aa00b1d45"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_772d66712cfa57e0d4e5714f12"`);
    await queryRunner.query(`DROP TABLE "patient_case"`);
    await queryRunner.query(`DROP TYPE "public"."case_stage"`);
    await queryRunner.query(`DROP TYPE "public"."case_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."case_trigger"`);
    await queryRunner.query(`DROP TABLE "email_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79954c92eec2befab6829ae231"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b827d3749ffbb3b5ab5099afd6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc5e8eea3e37a974d7aff618f2"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP TYPE "public"."caregiver_access"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4c90a083fb10c1386782b5aac"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0c323f055ab509298bb8428be"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a88f42bc7b8bda9b4ad033b575"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
