import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AppointmentMode, OwnTimelineKind, OwnTimelineSeverity, QuestionMove, StarterQuestion, VisitFeeling, VisitFeelingSummary } from '@second-look/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

registerEnumType(StarterQuestion, { name: 'StarterQuestion' });
registerEnumType(QuestionMove, { name: 'QuestionMove' });
registerEnumType(AppointmentMode, { name: 'AppointmentMode' });
registerEnumType(VisitFeeling, { name: 'VisitFeeling' });
registerEnumType(VisitFeelingSummary, { name: 'VisitFeelingSummary' });
registerEnumType(OwnTimelineKind, { name: 'OwnTimelineKind' });
registerEnumType(OwnTimelineSeverity, { name: 'OwnTimelineSeverity' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date like 2026-12-01';

@ObjectType('CaseQuestion')
export class CaseQuestionModel {
  @Field(() => ID) id: string;
  caseId: string;
  @Field(() => StarterQuestion, { nullable: true, description: 'The suggested question this came from; the client words it while text is empty.' })
  starter: StarterQuestion | null;
  @Field({ description: "The patient's own words; empty for an unedited suggestion." }) text: string;
  @Field(() => Int) position: number;
  @Field(() => Int) version: number;
}

@ObjectType('AppointmentAnswer')
export class AppointmentAnswerModel {
  @Field(() => ID) id: string;
  @Field(() => ID) questionId: string;
  @Field() answer: string;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
}

@ObjectType('Appointment')
export class AppointmentModel {
  @Field(() => ID) id: string;
  caseId: string;
  organizationId: string;
  @Field() startsAt: Date;
  @Field(() => AppointmentMode) mode: AppointmentMode;
  @Field() place: string;
  @Field() videoLink: string;
  @Field() providerName: string;
  @Field(() => ID, { nullable: true, description: 'The chosen provider candidate, when linked.' }) candidateId: string | null;
  @Field() bringNotes: string;
  @Field(() => String, { nullable: true, description: 'Staff only; null for patients and caregivers.' }) staffNotes?: string | null;
  @Field(() => [VisitFeeling]) feelings: VisitFeeling[];
  @Field() worries: string;
  @Field(() => Date, { nullable: true }) feelingsRecordedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Set when the visit was called off; its reminders stop.' }) cancelledAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType('OwnTimelineEntry')
export class OwnTimelineEntryModel {
  @Field(() => ID) id: string;
  @Field() occurredOn: string;
  @Field(() => OwnTimelineKind) kind: OwnTimelineKind;
  @Field() what: string;
  @Field(() => OwnTimelineSeverity, { nullable: true }) severity: OwnTimelineSeverity | null;
  @Field() howItWent: string;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
}

@InputType()
export class AddCaseQuestionInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @IsString() @MaxLength(1000) text: string;
}

@InputType()
export class UpdateCaseQuestionInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field() @IsString() @MaxLength(1000) text: string;
}

@InputType()
export class MoveCaseQuestionInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => QuestionMove) @IsEnum(QuestionMove) direction: QuestionMove;
}

@InputType()
export class BookAppointmentInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field({ description: 'YYYY-MM-DD in the organization’s time zone' }) @Matches(DATE, { message: `date ${DATE_MESSAGE}` }) date: string;
  @Field({ description: 'HH:MM (24 h) in the organization’s time zone' }) @IsString() @MaxLength(5) time: string;
  @Field(() => AppointmentMode) @IsEnum(AppointmentMode) mode: AppointmentMode;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) place?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) videoLink?: string;
  @Field() @IsString() @MaxLength(300) providerName: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() candidateId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) bringNotes?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) staffNotes?: string;
}

@InputType()
export class CancelAppointmentInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
}

@InputType()
export class UpdateAppointmentInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: `date ${DATE_MESSAGE}` }) date?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5) time?: string;
  @Field(() => AppointmentMode, { nullable: true }) @IsOptional() @IsEnum(AppointmentMode) mode?: AppointmentMode;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) place?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) videoLink?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) providerName?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) bringNotes?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) staffNotes?: string;
}

@InputType()
export class RecordAppointmentAnswerInput {
  @Field(() => ID) @IsString() appointmentId: string;
  @Field(() => ID) @IsString() questionId: string;
  @Field() @IsString() @MaxLength(10000) answer: string;
  @Field(() => Int, { nullable: true, description: 'The answer’s version when changing one already written.' }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

@InputType()
export class RecordVisitFeelingsInput {
  @Field(() => ID) @IsString() appointmentId: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => [VisitFeeling]) @IsArray() @ArrayMaxSize(7) @IsEnum(VisitFeeling, { each: true }) feelings: VisitFeeling[];
  @Field() @IsString() @MaxLength(10000) worries: string;
}

@InputType()
export class AddOwnTimelineEntryInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @Matches(DATE, { message: `occurredOn ${DATE_MESSAGE}` }) occurredOn: string;
  @Field(() => OwnTimelineKind) @IsEnum(OwnTimelineKind) kind: OwnTimelineKind;
  @Field() @IsString() @MaxLength(1000) what: string;
  @Field(() => OwnTimelineSeverity, { nullable: true }) @IsOptional() @IsEnum(OwnTimelineSeverity) severity?: OwnTimelineSeverity;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) howItWent?: string;
}

@InputType()
export class UpdateOwnTimelineEntryInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: `occurredOn ${DATE_MESSAGE}` }) occurredOn?: string;
  @Field(() => OwnTimelineKind, { nullable: true }) @IsOptional() @IsEnum(OwnTimelineKind) kind?: OwnTimelineKind;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) what?: string;
  @Field(() => OwnTimelineSeverity, { nullable: true }) @IsOptional() @IsEnum(OwnTimelineSeverity) severity?: OwnTimelineSeverity;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) howItWent?: string;
}
