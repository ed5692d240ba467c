import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

@ObjectType('ReminderSettings', { description: 'When record requests are chased, appointments remembered and digests sent, for your organization.' })
export class ReminderSettingsModel {
  /** The organization's id, so the client cache keeps one copy. */
  @Field(() => ID) id: string;
  @Field(() => [Int], { description: 'Days after a request was sent that get a reminder.' }) daysAfterSent: number[];
  @Field(() => Int, { description: 'Days before the plan target for the "due soon" reminder (0 = none).' }) targetSoonDays: number;
  @Field(() => Int, { description: 'Days before the legal due date for the "due soon" reminder (0 = none).' }) legalSoonDays: number;
  @Field({ description: 'Start of working hours, HH:MM.' }) workStart: string;
  @Field({ description: 'End of working hours, HH:MM.' }) workEnd: string;
  @Field(() => [Int], { description: 'Working days, 1 = Monday … 7 = Sunday.' }) workingDays: number[];
  @Field({ description: 'IANA time zone reminders and digests follow.' }) timeZone: string;
  @Field(() => Int, { description: 'Local hour the daily digest e-mail goes out.' }) digestHour: number;
  @Field(() => Int, { description: 'Days before an appointment for the "coming up" reminder to the patient (0 = none; the day-before one always goes).' }) appointmentSoonDays: number;
  @Field(() => Int, { description: 'Working days before an appointment for staff to verify coverage (when the case has an insurance plan).' }) verifyCoverageWorkingDays: number;
  @Field(() => Int, { description: 'Days after an appointment for the reminder to write the opinion down.' }) recordOpinionDays: number;
  @Field(() => Int, { description: 'Days after an appointment for the reminder to book the follow-up with the current doctor.' }) bookFollowUpDays: number;
}

@InputType()
export class UpdateReminderSettingsInput {
  @Field(() => [Int]) @IsArray() @ArrayMaxSize(20) @IsInt({ each: true }) daysAfterSent: number[];
  @Field(() => Int) @IsInt() targetSoonDays: number;
  @Field(() => Int) @IsInt() legalSoonDays: number;
  @Field() @IsString() @MaxLength(5) workStart: string;
  @Field() @IsString() @MaxLength(5) workEnd: string;
  @Field(() => [Int]) @IsArray() @ArrayMaxSize(7) @IsInt({ each: true }) workingDays: number[];
  @Field() @IsString() @MaxLength(64) timeZone: string;
  @Field(() => Int) @IsInt() digestHour: number;
  // Appointment distances: left out, they stay as they are (clients from before they existed).
  @Field(() => Int, { nullable: true, description: '0 (none) or 2 to 21.' }) @IsOptional() @IsInt() appointmentSoonDays?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 20.' }) @IsOptional() @IsInt() verifyCoverageWorkingDays?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 14.' }) @IsOptional() @IsInt() recordOpinionDays?: number | null;
  @Field(() => Int, { nullable: true, description: '2 to 60, after the opinion reminder.' }) @IsOptional() @IsInt() bookFollowUpDays?: number | null;
}
