import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CoverageHint, InsuranceNetworkType, InsuranceNextStep, InsuranceOutcome, InsurancePlanType } from '@second-look/domain';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

registerEnumType(InsurancePlanType, { name: 'InsurancePlanType' });
registerEnumType(InsuranceNetworkType, { name: 'InsuranceNetworkType' });
registerEnumType(InsuranceOutcome, { name: 'InsuranceOutcome' });
registerEnumType(InsuranceNextStep, { name: 'InsuranceNextStep' });
registerEnumType(CoverageHint, { name: 'CoverageHint' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date like 2026-11-22';

@ObjectType('InsurancePlan')
export class InsurancePlanModel {
  @Field(() => ID) id: string;
  @Field() payer: string;
  @Field(() => InsurancePlanType) planType: InsurancePlanType;
  @Field(() => InsuranceNetworkType, { nullable: true }) networkType: InsuranceNetworkType | null;
  @Field() memberId: string;
  @Field() groupNumber: string;
  @Field() phone: string;
  @Field() updatedAt: Date;
}

@ObjectType('InsuranceCall')
export class InsuranceCallModel {
  @Field(() => ID) id: string;
  @Field() calledOn: string;
  @Field() representative: string;
  @Field() referenceNumber: string;
  @Field(() => Boolean, { nullable: true }) covered: boolean | null;
  @Field() networkRestrictions: string;
  @Field(() => Boolean, { nullable: true }) preAuthRequired: boolean | null;
  @Field() preAuthNumber: string;
  @Field(() => String, { nullable: true }) preAuthValidFrom: string | null;
  @Field(() => String, { nullable: true }) preAuthValidTo: string | null;
  @Field(() => Boolean, { nullable: true }) referringDoctorMustRequest: boolean | null;
  @Field() costShare: string;
  @Field(() => InsuranceOutcome) outcome: InsuranceOutcome;
  @Field() notes: string;
  /** Null for patients and caregivers: staff notes are never selected for them. */
  @Field(() => String, { nullable: true }) staffNotes?: string | null;
  @Field() createdAt: Date;
}

@ObjectType('PreAuthorisation', { description: 'The latest prior authorization the plan gave, from the calls.' })
export class PreAuthorisationModel {
  @Field() number: string;
  @Field(() => String, { nullable: true }) validFrom: string | null;
  @Field(() => String, { nullable: true }) validTo: string | null;
  @Field() referenceNumber: string;
}

@ObjectType('InsuranceCheck', { description: 'Where the insurance check of a case stands: the plan, every call, and what to do next.' })
export class InsuranceCheckModel {
  @Field(() => InsurancePlanModel, { nullable: true }) plan: InsurancePlanModel | null;
  @Field(() => [InsuranceCallModel], { description: 'Every call, newest first.' }) calls: InsuranceCallModel[];
  @Field(() => InsuranceOutcome, { nullable: true, description: 'The outcome of the latest call; null before the first.' }) outcome: InsuranceOutcome | null;
  @Field(() => [InsuranceNextStep]) nextSteps: InsuranceNextStep[];
  @Field(() => [CoverageHint], { description: 'General rules of the plan type; the call to the plan decides.' }) coverageHints: CoverageHint[];
  @Field(() => PreAuthorisationModel, { nullable: true, description: 'So an appointment can be checked against its dates (see preAuthorisationFit in the domain).' })
  preAuthorisation: PreAuthorisationModel | null;
}

@InputType()
export class SaveInsurancePlanInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @IsString() @MaxLength(200) payer: string;
  @Field(() => InsurancePlanType) @IsEnum(InsurancePlanType) planType: InsurancePlanType;
  @Field(() => InsuranceNetworkType, { nullable: true, description: 'Left out keeps the saved one; null clears it.' })
  @IsOptional()
  @IsEnum(InsuranceNetworkType)
  networkType?: InsuranceNetworkType | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) memberId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) groupNumber?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

@InputType()
export class LogInsuranceCallInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @Matches(DATE, { message: `calledOn ${DATE_MESSAGE}` }) calledOn: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) representative?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) referenceNumber?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() covered?: boolean | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) networkRestrictions?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() preAuthRequired?: boolean | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) preAuthNumber?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: `preAuthValidFrom ${DATE_MESSAGE}` }) preAuthValidFrom?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: `preAuthValidTo ${DATE_MESSAGE}` }) preAuthValidTo?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() referringDoctorMustRequest?: boolean | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) costShare?: string;
  @Field(() => InsuranceOutcome) @IsEnum(InsuranceOutcome) outcome: InsuranceOutcome;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) staffNotes?: string;
}
