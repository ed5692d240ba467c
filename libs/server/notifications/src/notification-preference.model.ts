import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EmailMode, NotificationCategory } from '@second-look/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

registerEnumType(EmailMode, { name: 'EmailMode', description: 'IMMEDIATE: one e-mail each; DIGEST: in the daily summary; OFF: in the app only.' });
registerEnumType(NotificationCategory, { name: 'NotificationCategory' });

@ObjectType('EmailPreference')
export class EmailPreferenceModel {
  @Field(() => NotificationCategory) category: NotificationCategory;
  @Field(() => EmailMode) mode: EmailMode;
}

@ObjectType('QuietHours')
export class QuietHoursModel {
  @Field({ description: 'HH:MM' }) start: string;
  @Field({ description: 'HH:MM; may be earlier than start (the window spans midnight).' }) end: string;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesModel {
  /** The person's own id, so the client cache keeps one copy. */
  @Field(() => ID) id: string;
  @Field(() => [EmailPreferenceModel]) email: EmailPreferenceModel[];
  @Field(() => QuietHoursModel, { nullable: true }) quietHours: QuietHoursModel | null;
  @Field({ description: 'The zone quiet hours and the digest hour are read in (the organization’s).' }) timeZone: string;
  @Field({ description: 'When the daily digest goes out, HH:MM in that zone.' }) digestTime: string;
}

@InputType()
export class EmailPreferenceInput {
  @Field(() => NotificationCategory) @IsEnum(NotificationCategory) category: NotificationCategory;
  @Field(() => EmailMode) @IsEnum(EmailMode) mode: EmailMode;
}

@InputType()
export class QuietHoursInput {
  @Field() @IsString() @MaxLength(5) start: string;
  @Field() @IsString() @MaxLength(5) end: string;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field(() => [EmailPreferenceInput]) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EmailPreferenceInput) email: EmailPreferenceInput[];
  @Field(() => QuietHoursInput, { nullable: true, description: 'null turns quiet hours off.' }) @IsOptional() @ValidateNested() @Type(() => QuietHoursInput) quietHours: QuietHoursInput | null;
}
