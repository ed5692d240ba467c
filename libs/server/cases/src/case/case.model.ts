import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaregiverAccess, CaseStage, CaseTrigger, LANGUAGES, type Language, Role, SEARCH_MAX_LENGTH, Urgency } from '@second-look/domain';
import { LanguageEnum, PageInfo } from '@second-look/server-platform';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

registerEnumType(CaseStage, { name: 'CaseStage' });
registerEnumType(CaseTrigger, { name: 'CaseTrigger' });
registerEnumType(Urgency, { name: 'Urgency' });

export enum CaseListScope {
  MINE = 'MINE',
  ORGANIZATION = 'ORGANIZATION',
}
export enum CaseSortField {
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
  PATIENT_NAME = 'PATIENT_NAME',
  URGENCY = 'URGENCY',
  STAGE = 'STAGE',
  /** The earliest open record request date or task due date; cases with nothing due come last. */
  NEXT_DUE = 'NEXT_DUE',
}
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(CaseListScope, { name: 'CaseListScope' });
registerEnumType(CaseSortField, { name: 'CaseSortField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType('CasePermissions')
export class CasePermissionsModel {
  @Field() read: boolean;
  @Field() edit: boolean;
  @Field() comment: boolean;
  @Field() internal: boolean;
  @Field() moveStage: boolean;
  @Field() invitePatient: boolean;
  @Field() inviteCaregiver: boolean;
  @Field() assignAdvocate: boolean;
}

@ObjectType('Case')
export class CaseModel {
  @Field(() => ID) id: string;
  organizationId: string;
  @Field() patientName: string;
  @Field() question: string;
  @Field() diagnosisInDoubt: string;
  @Field(() => [CaseTrigger]) triggers: CaseTrigger[];
  @Field() triggerNotes: string;
  @Field(() => Urgency) urgency: Urgency;
  @Field({ description: "The current doctor's specialty (empty when not known yet)." }) currentDoctorSpecialty: string;
  @Field() currentDoctorSubSpecialty: string;
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => LanguageEnum, { description: 'The language the patient prefers to be spoken and written to in.' }) preferredLanguage: Language;
  @Field() summary: string;
  @Field(() => Int) version: number;
  leadAdvocateId: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  /** Resolved in CaseResolver.nextDueOn: staff only. */
  nextDueOn?: string | null;
}

@ObjectType('CaseParticipant')
export class CaseParticipantModel {
  @Field(() => ID) id: string;
  userId: string;
  @Field(() => Role) role: Role;
  @Field(() => CaregiverAccess, { nullable: true }) access: CaregiverAccess | null;
}

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID) id: string;
  @Field() body: string;
  @Field() internal: boolean;
  authorId: string;
  @Field() createdAt: Date;
}

@ObjectType('CaseConnection')
export class CaseConnection {
  @Field(() => [CaseModel]) nodes: CaseModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@InputType()
export class CaseFilter {
  @Field(() => [CaseStage], { nullable: true }) @IsOptional() @IsArray() @IsEnum(CaseStage, { each: true }) stages?: CaseStage[];
  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency) urgency?: Urgency;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() leadAdvocateId?: string;
  @Field(() => CaseListScope, { nullable: true }) @IsOptional() @IsEnum(CaseListScope) scope?: CaseListScope;
  @Field({ nullable: true, description: "Part of the patient's name, found as the header's search finds names (trigram likeness or contained, any case). Fewer than 2 letters: no name filter." })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH)
  patientName?: string;
}

@InputType()
export class CaseSort {
  @Field(() => CaseSortField) @IsEnum(CaseSortField) field: CaseSortField;
  @Field(() => SortDirection) @IsEnum(SortDirection) direction: SortDirection;
}

@InputType()
export class CreateCaseInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) patientName: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) patientEmail?: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) question: string;
  @Field() @IsString() @MaxLength(2000) diagnosisInDoubt: string;
  @Field(() => [CaseTrigger]) @IsArray() @ArrayMaxSize(8) @IsEnum(CaseTrigger, { each: true }) triggers: CaseTrigger[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) triggerNotes?: string;
  @Field(() => Urgency) @IsEnum(Urgency) urgency: Urgency;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) currentDoctorSpecialty?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) currentDoctorSubSpecialty?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() leadAdvocateId?: string;
  @Field(() => LanguageEnum, { nullable: true }) @IsOptional() @IsIn(LANGUAGES) preferredLanguage?: Language;
}

@InputType()
export class UpdateCaseInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) summary?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(2000) question?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) diagnosisInDoubt?: string;
  @Field(() => [CaseTrigger], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(8) @IsEnum(CaseTrigger, { each: true }) triggers?: CaseTrigger[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) triggerNotes?: string;
  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency) urgency?: Urgency;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) currentDoctorSpecialty?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) currentDoctorSubSpecialty?: string;
  @Field(() => LanguageEnum, { nullable: true }) @IsOptional() @IsIn(LANGUAGES) preferredLanguage?: Language;
}

@InputType()
export class MoveCaseStageInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => CaseStage) @IsEnum(CaseStage) to: CaseStage;
}

@InputType()
export class InvitePatientInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @IsEmail() @MaxLength(320) email: string;
}

@InputType()
export class InviteCaregiverInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @IsEmail() @MaxLength(320) email: string;
  @Field(() => CaregiverAccess) @IsEnum(CaregiverAccess) access: CaregiverAccess;
}

@InputType()
export class AddCommentInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(10000) body: string;
  @Field() @IsBoolean() internal: boolean;
}
