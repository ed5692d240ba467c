import { MigrationInterface, QueryRunner } from 'typeorm';

/** An appointment can be cancelled: it stays on the case as history, and its reminders stop. */
export class AppointmentCancelled1795370000000 implements MigrationInterface {
  name = 'AppointmentCancelled1795370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment" ADD "cancelled_at" TIMESTAMP(3) WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment" DROP COLUMN "cancelled_at"`);
  }
}
