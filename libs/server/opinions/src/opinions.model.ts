import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseOutcome, CloseProblem, CoverageHint, OpinionComparisonOutcome, OpinionNextStep, RecordsReleaseState, Urgency } from '@second-look/domain';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

registerEnumType(OpinionComparisonOutcome, { name: 'OpinionComparisonOutcome' });
registerEnumType(OpinionNextStep, { name: 'OpinionNextStep' });
registerEnumType(CaseOutcome, { name: 'CaseOutcome' });
registerEnumType(RecordsReleaseState, { name: 'RecordsReleaseState' });
registerEnumType(CloseProblem, { name: 'CloseProblem' });
// CoverageHint is registered by the insurance library, whose rule the advice reuses.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('Opinion')
export class OpinionModel {
  @Field(() => ID) id: string;
  caseId: string;
  @Field(() => Int, { description: '1 is the current doctor’s, 2 the second opinion, 3 a third…' }) number: number;
  @Field() providerName: string;
  @Field(() => ID, { nullable: true }) candidateId: string | null;
  @Field() givenOn: string;
  @Field() diagnosis: string;
  @Field() recommendedPlan: string;
  @Field(() => Urgency) urgency: Urgency;
  @Field() reasoning: string;
  @Field(() => ID, { nullable: true }) sourceDocumentId: string | null;
  @Field(() => String, { nullable: true, description: 'Staff only; null for patients and caregivers.' }) staffNotes?: string | null;
  @Field(() => Int) version: number;
}

@ObjectType('OpinionComparison')
export class OpinionComparisonModel {
  @Field(() => ID) id: string;
  @Field(() => Int) opinionCount: number;
  @Field(() => OpinionComparisonOutcome) outcome: OpinionComparisonOutcome;
  @Field() note: string;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
}

@ObjectType('OpinionAdvice')
export class OpinionAdviceModel {
  @Field(() => [OpinionNextStep]) nextSteps: OpinionNextStep[];
  @Field() thirdOpinionSuggested: boolean;
  @Field(() => [CoverageHint], { description: 'What the patient’s plan generally says about paying for a further opinion.' }) coverageHints: CoverageHint[];
  @Field(() => Int, { description: 'The number the next opinion will take.' }) nextOpinionNumber: number;
}

@ObjectType('CaseDecision')
export class CaseDecisionModel {
  @Field(() => ID) id: string;
  @Field() decision: string;
  @Field() reasons: string;
  @Field(() => ID, { nullable: true }) chosenOpinionId: string | null;
  @Field(() => String, { nullable: true }) followUpOn: string | null;
  @Field() followUpOutcome: string;
  @Field() careMoves: boolean;
  @Field() newProviderName: string;
  @Field(() => RecordsReleaseState) recordsRelease: RecordsReleaseState;
  @Field(() => String, { nullable: true }) recordsReleasedOn: string | null;
  @Field(() => CaseOutcome, { nullable: true }) outcome: CaseOutcome | null;
  @Field(() => Int) version: number;
}

@InputType()
export class AddOpinionInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @IsString() @MaxLength(300) providerName: string;
  @Field() @Matches(DATE, { message: 'givenOn must be a date like 2026-12-01' }) givenOn: string;
  @Field() @IsString() @MaxLength(10000) diagnosis: string;
  @Field() @IsString() @MaxLength(10000) recommendedPlan: string;
  @Field(() => Urgency) @IsEnum(Urgency) urgency: Urgency;
  @Field() @IsString() @MaxLength(20000) reasoning: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() sourceDocumentId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() candidateId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) staffNotes?: string;
}

@InputType()
export class UpdateOpinionInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) providerName?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: 'givenOn must be a date like 2026-12-01' }) givenOn?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) diagnosis?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) recommendedPlan?: string;
  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency) urgency?: Urgency;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) reasoning?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) staffNotes?: string;
}

@InputType()
export class CompareOpinionsInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => OpinionComparisonOutcome) @IsEnum(OpinionComparisonOutcome) outcome: OpinionComparisonOutcome;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) note?: string;
  @Field(() => Int, { nullable: true, description: 'The comparison’s version when changing this round’s judgment.' }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => Int, { nullable: true, description: 'The decision’s version when changing one already written.' }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
  @Field() @IsString() @MaxLength(10000) decision: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) reasons?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() chosenOpinionId?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: 'followUpOn must be a date like 2026-12-01' }) followUpOn?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) followUpOutcome?: string;
  @Field() @IsBoolean() careMoves: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) newProviderName?: string;
  @Field(() => RecordsReleaseState, { nullable: true }) @IsOptional() @IsEnum(RecordsReleaseState) recordsRelease?: RecordsReleaseState;
}

@InputType()
export class CloseCaseWithOutcomeInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => CaseOutcome) @IsEnum(CaseOutcome) outcome: CaseOutcome;
}
