import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordsPacketRequests1795321729621 implements MigrationInterface {
  name = 'RecordsPacketRequests1795321729621';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "record_holder" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "department" character varying(200) NOT NULL DEFAULT '', "phone" character varying(50) NOT NULL DEFAULT '', "fax" character varying(50) NOT NULL DEFAULT '', "email" character varying(320) NOT NULL DEFAULT '', "portal_url" character varying(500) NOT NULL DEFAULT '', "address" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0037e54b73c283089e19479adbb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_36ffc0c522549c6bfa30653a32" ON "record_holder"  ("organization_id", "name") `);
    await queryRunner.query(
      `CREATE TYPE "public"."packet_item_kind" AS ENUM('IMAGING_DISC', 'PATHOLOGY_SLIDES', 'PATHOLOGY_REPORT', 'LABS', 'CLINIC_NOTES', 'PROCEDURE_REPORT', 'OWN_TIMELINE', 'MEDICATIONS_ALLERGIES', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."packet_item_state" AS ENUM('NEEDED', 'REQUESTED', 'RECEIVED', 'SENT_TO_PROVIDER', 'NOT_AVAILABLE')`);
    await queryRunner.query(`CREATE TYPE "public"."responsible_party" AS ENUM('ADVOCATE', 'PATIENT', 'CAREGIVER')`);
    await queryRunner.query(
      `CREATE TABLE "packet_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" "public"."packet_item_kind" NOT NULL, "title" character varying(200) NOT NULL DEFAULT '', "holder_id" uuid, "state" "public"."packet_item_state" NOT NULL DEFAULT 'NEEDED', "responsible" "public"."responsible_party" NOT NULL DEFAULT 'ADVOCATE', "notes" text NOT NULL DEFAULT '', "staff_notes" text NOT NULL DEFAULT '', "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c45b6abe50bd4fecb1549e8e7ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2ab1268d0f9df47621fb759f36" ON "packet_item"  ("holder_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7578d2e7bd6a6a2cfbf906dd20" ON "packet_item"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."record_request_method" AS ENUM('PORTAL', 'FAX', 'EMAIL', 'MAIL', 'IN_PERSON')`);
    await queryRunner.query(
      `CREATE TABLE "record_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "method" "public"."record_request_method" NOT NULL, "sent_on" date NOT NULL, "holder_received_on" date, "plan_target_on" date NOT NULL, "legal_due_on" date NOT NULL, "original_legal_due_on" date NOT NULL, "extension_reason" text, "extension_recorded_on" date, "letter" text NOT NULL DEFAULT '', "fee_cents" integer, "completed_on" date, "created_by_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a9a0b7986c090bea64bc9bdf9e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d09d18a57c6096820e5a301684" ON "record_request"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "record_request_open_by_target" ON "record_request"  ("organization_id", "plan_target_on") WHERE completed_on IS NULL`);
    await queryRunner.query(`CREATE INDEX "record_request_open_by_holder" ON "record_request"  ("organization_id", "holder_id", "legal_due_on") WHERE completed_on IS NULL`);
    await queryRunner.query(`CREATE INDEX "record_request_open_by_legal_due" ON "record_request"  ("organization_id", "legal_due_on", "id") WHERE completed_on IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "record_request_item" ("request_id" uuid NOT NULL, "packet_item_id" uuid NOT NULL, "received_on" date, CONSTRAINT "PK_b2a18efd0d6906147a4bea18d9e" PRIMARY KEY ("request_id", "packet_item_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b5d612113742c6a286291ad1da" ON "record_request_item"  ("packet_item_id") `);
    await queryRunner.query(`CREATE TYPE "public"."follow_up_channel" AS ENUM('CALL', 'FAX', 'EMAIL', 'PORTAL', 'IN_PERSON')`);
    await queryRunner.query(
      `CREATE TABLE "record_follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "request_id" uuid NOT NULL, "channel" "public"."follow_up_channel" NOT NULL, "outcome" text NOT NULL, "by_user_id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b01f0603173c39851ef1f4b9264" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_50a08f42363da5e73c3bda50cf" ON "record_follow_up"  ("request_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "case_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "packet_item_id" uuid NOT NULL, "storage_key" character varying(300) NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character varying(64) NOT NULL, "uploaded_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec7b8f5c5bbda47d84b23d6f944" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0732b850f7a973dfdf2f61da2a" ON "case_document"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_031ac2c395f8a8dcf81d2d21f4" ON "case_document"  ("packet_item_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "packet_item" ADD CONSTRAINT "FK_94dd2ae95e1b80959b7d495c7ec" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "packet_item" ADD CONSTRAINT "FK_2ab1268d0f9df47621fb759f36a" FOREIGN KEY ("holder_id") REFERENCES "record_holder"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "record_request" ADD CONSTRAINT "FK_d09d18a57c6096820e5a301684e" FOREIGN KEY ("case_id") REFERENCES "patient_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "record_request" ADD CONSTRAINT "FK_c5950fe8397e0c8e054396ff3b5" FOREIGN KEY ("holder_id") REFERENCES "record_holder"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "record_request_item" ADD CONSTRAINT "FK_f1d6da2667addd2046d924f7d86" FOREIGN KEY ("request_id") REFERENCES "record_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "record_request_item" ADD CONSTRAINT "FK_b5d612113742c6a286291ad1dad" FOREIGN KEY ("packet_item_id") REFERENCES "packet_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "record_follow_up" ADD CONSTRAINT "FK_b3f612d06c13befe901eb3291e8" FOREIGN KEY ("request_id") REFERENCES "record_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_document" ADD CONSTRAINT "FK_f4fe4abb06110cd60ae162e7b74" FOREIGN KEY ("packet_item_id") REFERENCES "packet_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_document" DROP CONSTRAINT "FK_f4fe4abb06110cd60ae162e7b74"`);
    await queryRunner.query(`ALTER TABLE "record_follow_up" DROP CONSTRAINT "FK_b3f612d06c13befe901eb3291e8"`);
    await queryRunner.query(`ALTER TABLE "record_request_item" DROP CONSTRAINT "FK_b5d612113742c6a286291ad1dad"`);
    await queryRunner.query(`ALTER TABLE "record_request_item" DROP CONSTRAINT "FK_f1d6da2667addd2046d924f7d86"`);
    await queryRunner.query(`ALTER TABLE "record_request" DROP CONSTRAINT "FK_c5950fe8397e0c8e054396ff3b5"`);
    await queryRunner.query(`ALTER TABLE "record_request" DROP CONSTRAINT "FK_d09d18a57c6096820e5a301684e"`);
    await queryRunner.query(`ALTER TABLE "packet_item" DROP CONSTRAINT "FK_2ab1268d0f9df47621fb759f36a"`);
    await queryRunner.query(`ALTER TABLE "packet_item" DROP CONSTRAINT "FK_94dd2ae95e1b80959b7d495c7ec"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_031ac2c395f8a8dcf81d2d21f4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0732b850f7a973dfdf2f61da2a"`);
    await queryRunner.query(`DROP TABLE "case_document"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_50a08f42363da5e73c3bda50cf"`);
    await queryRunner.query(`DROP TABLE "record_follow_up"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5d612113742c6a286291ad1da"`);
    await queryRunner.query(`DROP TABLE "record_request_item"`);
    await queryRunner.query(`DROP INDEX "public"."record_request_open_by_legal_due"`);
    await queryRunner.query(`DROP INDEX "public"."record_request_open_by_holder"`);
    await queryRunner.query(`DROP INDEX "public"."record_request_open_by_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d09d18a57c6096820e5a301684"`);
    await queryRunner.query(`DROP TABLE "record_request"`);
    await queryRunner.query(`DROP TYPE "public"."record_request_method"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7578d2e7bd6a6a2cfbf906dd20"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2ab1268d0f9df47621fb759f36"`);
    await queryRunner.query(`DROP TABLE "packet_item"`);
    await queryRunner.query(`DROP TYPE "public"."responsible_party"`);
    await queryRunner.query(`DROP TYPE "public"."packet_item_state"`);
    await queryRunner.query(`DROP TYPE "public"."packet_item_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36ffc0c522549c6bfa30653a32"`);
    await queryRunner.query(`DROP TABLE "record_holder"`);
  }
}
