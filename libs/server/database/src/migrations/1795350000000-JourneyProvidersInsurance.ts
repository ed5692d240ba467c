import { MigrationInterface, QueryRunner } from 'typeorm';

/** Second-opinion providers (directory, candidates, the choice), doctor scripts, and the insurance check. */
export class JourneyProvidersInsurance1795350000000 implements MigrationInterface {
  name = 'JourneyProvidersInsurance1795350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."provider_visit_mode" AS ENUM('IN_PERSON', 'REMOTE_PROGRAMME')`);
    await queryRunner.query(
      `CREATE TABLE "provider_directory_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "specialty" character varying(200) NOT NULL, "sub_specialty" character varying(200) NOT NULL DEFAULT '', "institution" character varying(200) NOT NULL DEFAULT '', "academic_centre" boolean NOT NULL DEFAULT false, "visit_mode" "public"."provider_visit_mode" NOT NULL DEFAULT 'IN_PERSON', "contact" character varying(300) NOT NULL DEFAULT '', "notes" text NOT NULL DEFAULT '', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d2e517f5e24ecc190cf46464936" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d0d95c820003deb3452d8ea5e4" ON "provider_directory_entry"  ("organization_id", "name") `);
    await queryRunner.query(`CREATE TYPE "public"."provider_network_status" AS ENUM('IN_NETWORK', 'OUT_OF_NETWORK', 'UNKNOWN')`);
    await queryRunner.query(
      `CREATE TABLE "provider_candidate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "directory_entry_id" uuid, "name" character varying(200) NOT NULL, "specialty" character varying(200) NOT NULL, "sub_specialty" character varying(200) NOT NULL DEFAULT '', "institution" character varying(200) NOT NULL DEFAULT '', "academic_centre" boolean NOT NULL DEFAULT false, "other_health_system" boolean NOT NULL DEFAULT false, "network" "public"."provider_network_status" NOT NULL DEFAULT 'UNKNOWN', "visit_mode" "public"."provider_visit_mode" NOT NULL DEFAULT 'IN_PERSON', "expected_wait_days" integer, "referred_by" character varying(200) NOT NULL DEFAULT '', "notes" text NOT NULL DEFAULT '', "staff_notes" text NOT NULL DEFAULT '', "chosen" boolean NOT NULL DEFAULT false, "chosen_reason" text NOT NULL DEFAULT '', "chosen_at" TIMESTAMP(3) WITH TIME ZONE, "chosen_by_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a639b6795cb2ec526cca1e587c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_provider_candidate_chosen" ON "provider_candidate"  ("case_id") WHERE "chosen"`);
    await queryRunner.query(`CREATE INDEX "IDX_d9920dda8e1e4612180c14394c" ON "provider_candidate"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."doctor_script_purpose" AS ENUM('SECOND_OPINION', 'REFERRAL', 'RECORDS')`);
    await queryRunner.query(`CREATE TYPE "public"."doctor_script_situation" AS ENUM('GOOD_RELATIONSHIP', 'RUSHED_DOCTOR', 'INSURANCE_NEEDS_REFERRAL', 'DOCTOR_REACTED_BADLY')`);
    await queryRunner.query(
      `CREATE TABLE "doctor_script" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "purpose" "public"."doctor_script_purpose" NOT NULL, "situation" "public"."doctor_script_situation" NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81412088ebc9cc5c9f29ac27951" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5248304b36d1c0cd118492c014" ON "doctor_script"  ("organization_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "case_doctor_script" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "source_key" character varying(100) NOT NULL DEFAULT '', "purpose" "public"."doctor_script_purpose" NOT NULL, "situation" "public"."doctor_script_situation", "body" text NOT NULL, "updated_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e2cf1243a56562c296cd572a8e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_46be9cbbf108e95d32a834c923" ON "case_doctor_script"  ("case_id") `);
    await queryRunner.query(`CREATE TYPE "public"."insurance_plan_type" AS ENUM('MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'OTHER')`);
    await queryRunner.query(
      `CREATE TABLE "insurance_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "payer" character varying(200) NOT NULL, "plan_type" "public"."insurance_plan_type" NOT NULL, "member_id" character varying(100) NOT NULL DEFAULT '', "group_number" character varying(100) NOT NULL DEFAULT '', "phone" character varying(50) NOT NULL DEFAULT '', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b56065bb88ed4df0772c87ce6a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_de5391061d84ecda20f7e8f042" ON "insurance_plan"  ("case_id") `);
    await queryRunner.query(`CREATE TYPE "public"."insurance_outcome" AS ENUM('VERIFIED', 'NEEDS_PRE_AUTHORISATION', 'NEEDS_REFERRAL', 'NOT_COVERED')`);
    await queryRunner.query(
      `CREATE TABLE "insurance_call" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "called_on" date NOT NULL, "representative" character varying(200) NOT NULL DEFAULT '', "reference_number" character varying(100) NOT NULL DEFAULT '', "covered" boolean, "network_restrictions" text NOT NULL DEFAULT '', "pre_auth_required" boolean, "pre_auth_number" character varying(100) NOT NULL DEFAULT '', "pre_auth_valid_from" date, "pre_auth_valid_to" date, "referring_doctor_must_request" boolean, "cost_share" character varying(500) NOT NULL DEFAULT '', "outcome" "public"."insurance_outcome" NOT NULL, "notes" text NOT NULL DEFAULT '', "staff_notes" text NOT NULL DEFAULT '', "by_user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d38d10dc82a70c53e1535ac4ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f80375891bf0fb472dc3db5029" ON "insurance_call"  ("case_id", "called_on", "created_at") `);
    await queryRunner.query(`ALTER TABLE "patient_case" ADD "current_doctor_specialty" character varying(200) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "patient_case" ADD "current_doctor_sub_specialty" character varying(200) NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "provider_candidate" ADD CONSTRAINT "FK_1207b6a9750a8c45803dcbf9330" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_candidate" ADD CONSTRAINT "FK_89978b4d7804bd927282ec882d5" FOREIGN KEY ("directory_entry_id") REFERENCES "provider_directory_entry"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_doctor_script" ADD CONSTRAINT "FK_46be9cbbf108e95d32a834c923b" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "insurance_plan" ADD CONSTRAINT "FK_de5391061d84ecda20f7e8f0423" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "insurance_call" ADD CONSTRAINT "FK_2616221026641077d780dc00f68" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insurance_call" DROP CONSTRAINT "FK_2616221026641077d780dc00f68"`);
    await queryRunner.query(`ALTER TABLE "insurance_plan" DROP CONSTRAINT "FK_de5391061d84ecda20f7e8f0423"`);
    await queryRunner.query(`ALTER TABLE "case_doctor_script" DROP CONSTRAINT "FK_46be9cbbf108e95d32a834c923b"`);
    await queryRunner.query(`ALTER TABLE "provider_candidate" DROP CONSTRAINT "FK_89978b4d7804bd927282ec882d5"`);
    await queryRunner.query(`ALTER TABLE "provider_candidate" DROP CONSTRAINT "FK_1207b6a9750a8c45803dcbf9330"`);
    await queryRunner.query(`ALTER TABLE "patient_case" DROP COLUMN "current_doctor_sub_specialty"`);
    await queryRunner.query(`ALTER TABLE "patient_case" DROP COLUMN "current_doctor_specialty"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f80375891bf0fb472dc3db5029"`);
    await queryRunner.query(`DROP TABLE "insurance_call"`);
    await queryRunner.query(`DROP TYPE "public"."insurance_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de5391061d84ecda20f7e8f042"`);
    await queryRunner.query(`DROP TABLE "insurance_plan"`);
    await queryRunner.query(`DROP TYPE "public"."insurance_plan_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_46be9cbbf108e95d32a834c923"`);
    await queryRunner.query(`DROP TABLE "case_doctor_script"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5248304b36d1c0cd118492c014"`);
    await queryRunner.query(`DROP TABLE "doctor_script"`);
    await queryRunner.query(`DROP TYPE "public"."doctor_script_situation"`);
    await queryRunner.query(`DROP TYPE "public"."doctor_script_purpose"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9920dda8e1e4612180c14394c"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_provider_candidate_chosen"`);
    await queryRunner.query(`DROP TABLE "provider_candidate"`);
    await queryRunner.query(`DROP TYPE "public"."provider_network_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d0d95c820003deb3452d8ea5e4"`);
    await queryRunner.query(`DROP TABLE "provider_directory_entry"`);
    await queryRunner.query(`DROP TYPE "public"."provider_visit_mode"`);
  }
}
