import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CandidateStrength,
  DoctorScriptPurpose,
  DoctorScriptSituation,
  MAX_DOCTOR_SCRIPT_LENGTH,
  MAX_EXPECTED_WAIT_DAYS,
  ProviderHint,
  ProviderNetworkStatus,
  ProviderVisitMode,
  Language,
} from '@second-look/domain';
import { LanguageEnum } from '@second-look/server-platform';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

registerEnumType(ProviderNetworkStatus, { name: 'ProviderNetworkStatus' });
registerEnumType(ProviderVisitMode, { name: 'ProviderVisitMode' });
registerEnumType(ProviderHint, { name: 'ProviderHint' });
registerEnumType(CandidateStrength, { name: 'CandidateStrength' });
registerEnumType(DoctorScriptPurpose, { name: 'DoctorScriptPurpose' });
registerEnumType(DoctorScriptSituation, { name: 'DoctorScriptSituation' });

@ObjectType('DirectoryProvider')
export class DirectoryProviderModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() specialty: string;
  @Field() subSpecialty: string;
  @Field() institution: string;
  @Field() academicCentre: boolean;
  @Field(() => ProviderVisitMode) visitMode: ProviderVisitMode;
  @Field() contact: string;
  @Field() notes: string;
}

@ObjectType('ProviderCandidate')
export class ProviderCandidateModel {
  @Field(() => ID) id: string;
  caseId: string;
  @Field(() => ID, { nullable: true }) directoryEntryId: string | null;
  @Field() name: string;
  @Field() specialty: string;
  @Field() subSpecialty: string;
  @Field() institution: string;
  @Field() academicCentre: boolean;
  @Field() otherHealthSystem: boolean;
  @Field(() => ProviderNetworkStatus) network: ProviderNetworkStatus;
  @Field(() => ProviderVisitMode) visitMode: ProviderVisitMode;
  @Field(() => Int, { nullable: true }) expectedWaitDays: number | null;
  @Field() referredBy: string;
  @Field() notes: string;
  /** Null for patients and caregivers: staff notes are never selected for them. */
  @Field(() => String, { nullable: true }) staffNotes?: string | null;
  @Field() chosen: boolean;
  @Field() chosenReason: string;
  @Field(() => Date, { nullable: true }) chosenAt: Date | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
}

@ObjectType('ProviderChoice', { description: 'The candidates of a case side by side, with the hints that help choose.' })
export class ProviderChoiceModel {
  @Field(() => ProviderHint, { nullable: true, description: 'Set when every candidate shares the current doctor’s specialty, or that specialty is unknown.' })
  hint: ProviderHint | null;
  @Field(() => [CandidateStrengthsModel]) strengths: CandidateStrengthsModel[];
}

@ObjectType('CandidateStrengths')
export class CandidateStrengthsModel {
  @Field(() => ID) candidateId: string;
  @Field(() => [CandidateStrength]) strengths: CandidateStrength[];
}

@InputType()
export class DirectoryProviderInput {
  @Field() @IsString() @MaxLength(200) name: string;
  @Field() @IsString() @MaxLength(200) specialty: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) subSpecialty?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) institution?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() academicCentre?: boolean;
  @Field(() => ProviderVisitMode, { nullable: true }) @IsOptional() @IsEnum(ProviderVisitMode) visitMode?: ProviderVisitMode;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) contact?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

/** Fields a candidate may carry; on add, anything left out is taken from the directory entry. */
@InputType()
export class CandidateFieldsInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) specialty?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) subSpecialty?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) institution?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() academicCentre?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() otherHealthSystem?: boolean;
  @Field(() => ProviderNetworkStatus, { nullable: true }) @IsOptional() @IsEnum(ProviderNetworkStatus) network?: ProviderNetworkStatus;
  @Field(() => ProviderVisitMode, { nullable: true }) @IsOptional() @IsEnum(ProviderVisitMode) visitMode?: ProviderVisitMode;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_EXPECTED_WAIT_DAYS) expectedWaitDays?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) referredBy?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) staffNotes?: string;
}

@InputType()
export class AddProviderCandidateInput extends CandidateFieldsInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() directoryEntryId?: string;
}

@InputType()
export class UpdateProviderCandidateInput extends CandidateFieldsInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
}

@InputType()
export class ChooseProviderCandidateInput {
  @Field(() => ID) @IsString() id: string;
  @Field() @IsString() @MaxLength(2000) reason: string;
}

@ObjectType('BuiltInDoctorScript', { description: 'A script of the built-in library, in one language.' })
export class BuiltInDoctorScriptModel {
  @Field({ description: 'Stable key; saved on a case as its source.' }) key: string;
  @Field(() => DoctorScriptPurpose) purpose: DoctorScriptPurpose;
  @Field(() => DoctorScriptSituation) situation: DoctorScriptSituation;
  @Field(() => LanguageEnum, { description: 'The language of title and body.' }) language: Language;
  @Field() title: string;
  @Field() body: string;
}

@ObjectType('DoctorScript', { description: 'A script the organization added to the built-in library.' })
export class DoctorScriptModel {
  @Field(() => ID) id: string;
  @Field(() => DoctorScriptPurpose) purpose: DoctorScriptPurpose;
  @Field(() => DoctorScriptSituation) situation: DoctorScriptSituation;
  @Field() title: string;
  @Field() body: string;
  @Field() createdAt: Date;
}

@ObjectType('CaseDoctorScript', { description: 'The script the patient picked for this case and made their own.' })
export class CaseDoctorScriptModel {
  @Field(() => ID) id: string;
  @Field({ description: 'A built-in key, org:<id> for an organization script, empty when written from scratch.' }) sourceKey: string;
  @Field(() => DoctorScriptPurpose) purpose: DoctorScriptPurpose;
  @Field(() => DoctorScriptSituation, { nullable: true }) situation: DoctorScriptSituation | null;
  @Field() body: string;
  @Field() updatedAt: Date;
}

@InputType()
export class DoctorScriptInput {
  @Field(() => DoctorScriptPurpose) @IsEnum(DoctorScriptPurpose) purpose: DoctorScriptPurpose;
  @Field(() => DoctorScriptSituation) @IsEnum(DoctorScriptSituation) situation: DoctorScriptSituation;
  @Field() @IsString() @MaxLength(200) title: string;
  @Field() @IsString() @MaxLength(MAX_DOCTOR_SCRIPT_LENGTH + 200) body: string;
}

@InputType()
export class SaveCaseDoctorScriptInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) sourceKey?: string;
  @Field(() => DoctorScriptPurpose) @IsEnum(DoctorScriptPurpose) purpose: DoctorScriptPurpose;
  @Field(() => DoctorScriptSituation, { nullable: true }) @IsOptional() @IsEnum(DoctorScriptSituation) situation?: DoctorScriptSituation;
  // The domain trims and checks the length, so a long paste gets the friendly message.
  @Field() @IsString() @MaxLength(MAX_DOCTOR_SCRIPT_LENGTH + 1000) body: string;
}
