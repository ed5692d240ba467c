import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsString, MaxLength } from 'class-validator';

@ObjectType('ReminderSettings', { description: 'When record requests are chased and digests sent, for your organisation.' })
export class ReminderSettingsModel {
  /** The organisation's id, so the client cache keeps one copy. */
  @Field(() => ID) id: string;
  @Field(() => [Int], { description: 'Days after a request was sent that get a reminder.' }) daysAfterSent: number[];
  @Field(() => Int, { description: 'Days before the plan target for the "due soon" reminder (0 = none).' }) targetSoonDays: number;
  @Field(() => Int, { description: 'Days before the legal due date for the "due soon" reminder (0 = none).' }) legalSoonDays: number;
  @Field({ description: 'Start of working hours, HH:MM.' }) workStart: string;
  @Field({ description: 'End of working hours, HH:MM.' }) workEnd: string;
  @Field(() => [Int], { description: 'Working days, 1 = Monday … 7 = Sunday.' }) workingDays: number[];
  @Field({ description: 'IANA time zone reminders and digests follow.' }) timeZone: string;
  @Field(() => Int, { description: 'Local hour the daily digest e-mail goes out.' }) digestHour: number;
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
}
