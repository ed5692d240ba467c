import { MigrationInterface, QueryRunner } from 'typeorm';

export class JourneyAppointmentsOpinions1795355000000 implements MigrationInterface {
  name = 'JourneyAppointmentsOpinions1795355000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."starter_question" AS ENUM('AGREE_WITH_DIAGNOSIS', 'OTHER_EXPLANATIONS', 'MORE_TESTS', 'ALL_OPTIONS', 'RECOMMENDATION_WHY', 'OUTCOMES_AND_RISKS', 'IN_MY_PLACE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "starter" "public"."starter_question", "text" text NOT NULL DEFAULT '', "position" integer NOT NULL, "created_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_801bb1876c83128ef58b456a3ce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e5ce5e95c408b2619991aee096" ON "case_question"  ("case_id", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."appointment_mode" AS ENUM('IN_PERSON', 'VIDEO', 'PHONE')`);
    await queryRunner.query(`CREATE TYPE "public"."visit_feeling" AS ENUM('HEARD', 'RESPECTED', 'INCLUDED', 'ENCOURAGED', 'BRUSHED_OFF', 'HURRIED', 'MINIMISED')`);
    await queryRunner.query(
      `CREATE TABLE "appointment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "mode" "public"."appointment_mode" NOT NULL, "place" character varying(500) NOT NULL DEFAULT '', "video_link" character varying(1000) NOT NULL DEFAULT '', "provider_name" character varying(300) NOT NULL, "candidate_id" uuid, "bring_notes" text NOT NULL DEFAULT '', "staff_notes" text NOT NULL DEFAULT '', "feelings" "public"."visit_feeling" array NOT NULL DEFAULT '{}', "worries" text NOT NULL DEFAULT '', "feelings_recorded_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_314b35280c8fc500de21c19369" ON "appointment"  ("case_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "appointment_answer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "appointment_id" uuid NOT NULL, "question_id" uuid NOT NULL, "answer" text NOT NULL, "updated_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a788448659483d4a581d7573f0d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_077bc2d52dd0a6a30cd7792aff" ON "appointment_answer"  ("question_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4989889c952d9fc81c8a642d34" ON "appointment_answer"  ("appointment_id", "question_id") `);
    await queryRunner.query(`CREATE TYPE "public"."own_timeline_kind" AS ENUM('SYMPTOM', 'TREATMENT', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."own_timeline_severity" AS ENUM('MILD', 'MODERATE', 'SEVERE')`);
    await queryRunner.query(
      `CREATE TABLE "own_timeline_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "occurred_on" date NOT NULL, "kind" "public"."own_timeline_kind" NOT NULL, "what" character varying(1000) NOT NULL, "severity" "public"."own_timeline_severity", "how_it_went" text NOT NULL DEFAULT '', "created_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1fdff1cdc4809bee61933326897" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9449054d01391d02480d0ec013" ON "own_timeline_entry"  ("case_id", "occurred_on") `);
    await queryRunner.query(
      `CREATE TABLE "case_opinion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "number" integer NOT NULL, "provider_name" character varying(300) NOT NULL, "candidate_id" uuid, "given_on" date NOT NULL, "diagnosis" text NOT NULL DEFAULT '', "recommended_plan" text NOT NULL DEFAULT '', "urgency" "public"."case_urgency" NOT NULL DEFAULT 'ROUTINE', "reasoning" text NOT NULL DEFAULT '', "source_document_id" uuid, "staff_notes" text NOT NULL DEFAULT '', "created_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f10e0019448c6aa197d1b98e35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e6d7d5a76c0ef2c004a7ea3ee7" ON "case_opinion"  ("source_document_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2d17328aa27cbabc4a3c2595d7" ON "case_opinion"  ("case_id", "number") `);
    await queryRunner.query(`CREATE TYPE "public"."opinion_comparison_outcome" AS ENUM('AGREE', 'DIFFER', 'STRONGLY_CONFLICT')`);
    await queryRunner.query(
      `CREATE TABLE "opinion_comparison" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "opinion_count" integer NOT NULL, "outcome" "public"."opinion_comparison_outcome" NOT NULL, "note" text NOT NULL DEFAULT '', "by_user_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8dc082790c6dc0810589b755e16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_79c3eeeaf18a20c735b179b1eb" ON "opinion_comparison"  ("case_id", "opinion_count") `);
    await queryRunner.query(`CREATE TYPE "public"."records_release_state" AS ENUM('NOT_NEEDED', 'TO_SEND', 'SENT')`);
    await queryRunner.query(`CREATE TYPE "public"."case_outcome" AS ENUM('CONFIRMED', 'CHANGED_DIAGNOSIS', 'CHANGED_TREATMENT', 'NO_CHANGE')`);
    await queryRunner.query(
      `CREATE TABLE "case_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "decision" text NOT NULL, "reasons" text NOT NULL DEFAULT '', "chosen_opinion_id" uuid, "follow_up_on" date, "follow_up_outcome" text NOT NULL DEFAULT '', "care_moves" boolean NOT NULL DEFAULT false, "new_provider_name" character varying(300) NOT NULL DEFAULT '', "records_release" "public"."records_release_state" NOT NULL DEFAULT 'NOT_NEEDED', "records_released_on" date, "outcome" "public"."case_outcome", "closed_by_id" uuid, "updated_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f434765b7f17739468c79e5fb70" UNIQUE ("case_id"), CONSTRAINT "REL_f434765b7f17739468c79e5fb7" UNIQUE ("case_id"), CONSTRAINT "PK_bae10668fd3cebd996d497f535d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_question" ADD CONSTRAINT "FK_6797691797a04c927850ef836ba" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "appointment" ADD CONSTRAINT "FK_4061932d41bccdf0f2801abe7f7" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "appointment_answer" ADD CONSTRAINT "FK_cbc0e202e37f3dbb9995f4f1de5" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment_answer" ADD CONSTRAINT "FK_077bc2d52dd0a6a30cd7792affc" FOREIGN KEY ("question_id") REFERENCES "case_question"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "own_timeline_entry" ADD CONSTRAINT "FK_c51ef280c8167af87a469f37707" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "case_opinion" ADD CONSTRAINT "FK_1036b89097286e5b105ea197303" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "case_opinion" ADD CONSTRAINT "FK_e6d7d5a76c0ef2c004a7ea3ee7e" FOREIGN KEY ("source_document_id") REFERENCES "case_document"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opinion_comparison" ADD CONSTRAINT "FK_439e31e47282fad93a2fe0d12ff" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_decision" ADD CONSTRAINT "FK_f434765b7f17739468c79e5fb70" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_decision" ADD CONSTRAINT "FK_964d0dce3b9df85a08ce44241ea" FOREIGN KEY ("chosen_opinion_id") REFERENCES "case_opinion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_decision" DROP CONSTRAINT "FK_964d0dce3b9df85a08ce44241ea"`);
    await queryRunner.query(`ALTER TABLE "case_decision" DROP CONSTRAINT "FK_f434765b7f17739468c79e5fb70"`);
    await queryRunner.query(`ALTER TABLE "opinion_comparison" DROP CONSTRAINT "FK_439e31e47282fad93a2fe0d12ff"`);
    await queryRunner.query(`ALTER TABLE "case_opinion" DROP CONSTRAINT "FK_e6d7d5a76c0ef2c004a7ea3ee7e"`);
    await queryRunner.query(`ALTER TABLE "case_opinion" DROP CONSTRAINT "FK_1036b89097286e5b105ea197303"`);
    await queryRunner.query(`ALTER TABLE "own_timeline_entry" DROP CONSTRAINT "FK_c51ef280c8167af87a469f37707"`);
    await queryRunner.query(`ALTER TABLE "appointment_answer" DROP CONSTRAINT "FK_077bc2d52dd0a6a30cd7792affc"`);
    await queryRunner.query(`ALTER TABLE "appointment_answer" DROP CONSTRAINT "FK_cbc0e202e37f3dbb9995f4f1de5"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "FK_4061932d41bccdf0f2801abe7f7"`);
    await queryRunner.query(`ALTER TABLE "case_question" DROP CONSTRAINT "FK_6797691797a04c927850ef836ba"`);
    await queryRunner.query(`DROP TABLE "case_decision"`);
    await queryRunner.query(`DROP TYPE "public"."case_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."records_release_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79c3eeeaf18a20c735b179b1eb"`);
    await queryRunner.query(`DROP TABLE "opinion_comparison"`);
    await queryRunner.query(`DROP TYPE "public"."opinion_comparison_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d17328aa27cbabc4a3c2595d7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e6d7d5a76c0ef2c004a7ea3ee7"`);
    await queryRunner.query(`DROP TABLE "case_opinion"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9449054d01391d02480d0ec013"`);
    await queryRunner.query(`DROP TABLE "own_timeline_entry"`);
    await queryRunner.query(`DROP TYPE "public"."own_timeline_severity"`);
    await queryRunner.query(`DROP TYPE "public"."own_timeline_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4989889c952d9fc81c8a642d34"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_077bc2d52dd0a6a30cd7792aff"`);
    await queryRunner.query(`DROP TABLE "appointment_answer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_314b35280c8fc500de21c19369"`);
    await queryRunner.query(`DROP TABLE "appointment"`);
    await queryRunner.query(`DROP TYPE "public"."visit_feeling"`);
    await queryRunner.query(`DROP TYPE "public"."appointment_mode"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5ce5e95c408b2619991aee096"`);
    await queryRunner.query(`DROP TABLE "case_question"`);
    await queryRunner.query(`DROP TYPE "public"."starter_question"`);
  }
}
