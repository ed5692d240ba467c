import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in that cannot be turned against its users, and a way back in:
 * - `password_reset`: "Forgot your password?" links (single use, short-lived, token stored hashed);
 * - `sign_up_request`: a sign-up waits for its e-mail to be confirmed, so `signUp` answers the
 *   same for new and existing addresses;
 * - `known_device`: browsers a person signed in from before (the device cookie), which keep
 *   their own sign-in failure budget.
 */
export class SignInRecovery1795540000000 implements MigrationInterface {
  name = 'SignInRecovery1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_reset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8515e60a2cc41584fa4784f52ce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_user" ON "password_reset" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_password_reset_token" ON "password_reset" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "sign_up_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "organization_name" character varying(200) NOT NULL, "time_zone" character varying(64) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" text NOT NULL, "language" "public"."app_language", "token_hash" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00564b6045f20b8602d471e7b16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sign_up_request_email" ON "sign_up_request" ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_sign_up_request_token" ON "sign_up_request" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "known_device" ("device_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0172505670deffde9e6de8f53a0" PRIMARY KEY ("device_hash", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_known_device_user" ON "known_device" ("user_id") `);
    await queryRunner.query(`ALTER TABLE "password_reset" ADD CONSTRAINT "FK_password_reset_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "known_device" ADD CONSTRAINT "FK_known_device_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "known_device" DROP CONSTRAINT "FK_known_device_user"`);
    await queryRunner.query(`ALTER TABLE "password_reset" DROP CONSTRAINT "FK_password_reset_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_known_device_user"`);
    await queryRunner.query(`DROP TABLE "known_device"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_up_request_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_up_request_email"`);
    await queryRunner.query(`DROP TABLE "sign_up_request"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_user"`);
    await queryRunner.query(`DROP TABLE "password_reset"`);
  }
}
