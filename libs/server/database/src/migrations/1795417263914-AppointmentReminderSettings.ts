import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointment reminder distances become an organization's choice, beside its record reminder
 * days: days before the visit for "coming up", working days before it for the coverage check,
 * days after it for writing the opinion down and for booking the follow-up. Existing rows get
 * the distances that were fixed until now.
 */
export class AppointmentReminderSettings1795417263914 implements MigrationInterface {
  name = 'AppointmentReminderSettings1795417263914';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" ADD "appointment_soon_days" smallint NOT NULL DEFAULT '3'`);
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" ADD "appointment_verify_working_days" smallint NOT NULL DEFAULT '5'`);
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" ADD "appointment_record_opinion_days" smallint NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" ADD "appointment_follow_up_days" smallint NOT NULL DEFAULT '7'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" DROP COLUMN "appointment_follow_up_days"`);
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" DROP COLUMN "appointment_record_opinion_days"`);
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" DROP COLUMN "appointment_verify_working_days"`);
    await queryRunner.query(`ALTER TABLE "organization_reminder_settings" DROP COLUMN "appointment_soon_days"`);
  }
}
