import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second sign-in steps (issue 22, part 6): authenticator apps and passkeys (`sign_in_factor`),
 * one-time recovery codes stored hashed (`recovery_code`), the admin's switch requiring staff to
 * have one (`organization.require_staff_mfa`), and the id the "Signed-in devices" screen names a
 * session by (`user_session.public_id`; existing sessions get one).
 */
export class SignInFactors1795670000000 implements MigrationInterface {
  name = 'SignInFactors1795670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."sign_in_factor_kind" AS ENUM('TOTP', 'PASSKEY')`);
    await queryRunner.query(
      `CREATE TABLE "sign_in_factor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" "public"."sign_in_factor_kind" NOT NULL, "label" character varying(100) NOT NULL, "secret_ciphertext" text, "last_time_step" bigint, "credential_id" character varying(1024), "public_key" bytea, "sign_count" bigint NOT NULL DEFAULT '0', "transports" character varying(200), "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fdb44930e331aaa4bf20aff4332" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_factor_user" ON "sign_in_factor"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sign_in_factor_credential" ON "sign_in_factor"  ("credential_id") WHERE credential_id IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_recovery_code_user" ON "recovery_code"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "organization" ADD "require_staff_mfa" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "user_session" ADD "public_id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_session_public_id" ON "user_session"  ("public_id") `);
    await queryRunner.query(`ALTER TABLE "sign_in_factor" ADD CONSTRAINT "FK_sign_in_factor_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "recovery_code" ADD CONSTRAINT "FK_recovery_code_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recovery_code" DROP CONSTRAINT "FK_recovery_code_user"`);
    await queryRunner.query(`ALTER TABLE "sign_in_factor" DROP CONSTRAINT "FK_sign_in_factor_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_session_public_id"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP COLUMN "public_id"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "require_staff_mfa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_recovery_code_user"`);
    await queryRunner.query(`DROP TABLE "recovery_code"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sign_in_factor_credential"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_factor_user"`);
    await queryRunner.query(`DROP TABLE "sign_in_factor"`);
    await queryRunner.query(`DROP TYPE "public"."sign_in_factor_kind"`);
  }
}
