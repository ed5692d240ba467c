import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an insurance plan's network works (HMO, PPO, EPO, POS, or a public program), which says
 * whether a referral is needed and whether an out-of-network second opinion is paid for.
 * Unknown (null) on the plans saved before.
 */
export class InsuranceNetworkType1795640000000 implements MigrationInterface {
  name = 'InsuranceNetworkType1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."insurance_network_type" AS ENUM('HMO', 'PPO', 'EPO', 'POS', 'MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'TRICARE', 'VA', 'OTHER')`);
    await queryRunner.query(`ALTER TABLE "insurance_plan" ADD "network_type" "public"."insurance_network_type"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insurance_plan" DROP COLUMN "network_type"`);
    await queryRunner.query(`DROP TYPE "public"."insurance_network_type"`);
  }
}
