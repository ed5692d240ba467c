import { Organization } from '@second-look/server-identity';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An organization's choice of when record requests are chased, when appointments are
 * remembered and when e-mail digests go out. No row means the defaults
 * (DEFAULT_RECORD_REMINDER_SETTINGS, DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
 * DEFAULT_WORKING_HOURS, DEFAULT_DIGEST_HOUR). The time zone is the organization's own (organization.time_zone).
 */
@Entity('organization_reminder_settings')
export class OrganizationReminderSettings {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Days after the sent date that get a reminder, ascending. */
  @Column({ type: 'smallint', array: true })
  daysAfterSent: number[];

  @Column({ type: 'smallint' })
  targetSoonDays: number;

  @Column({ type: 'smallint' })
  legalSoonDays: number;

  /** Minutes after local midnight. */
  @Column({ type: 'smallint' })
  workStart: number;

  @Column({ type: 'smallint' })
  workEnd: number;

  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint', array: true })
  workingDays: number[];

  /** Calendar days before a visit for the "coming up" reminder (0 = none). */
  @Column({ type: 'smallint', default: 3 })
  appointmentSoonDays: number;

  /** Working days before a visit for staff to verify coverage. */
  @Column({ type: 'smallint', default: 5 })
  appointmentVerifyWorkingDays: number;

  /** Calendar days after a visit for the nudge to write the opinion down. */
  @Column({ type: 'smallint', default: 1 })
  appointmentRecordOpinionDays: number;

  /** Calendar days after a visit for the nudge to book the follow-up. */
  @Column({ type: 'smallint', default: 7 })
  appointmentFollowUpDays: number;

  /** Local hour (0–23) the daily e-mail digest goes out. */
  @Column({ type: 'smallint' })
  digestHour: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
