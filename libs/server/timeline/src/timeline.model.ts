import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CasePhase, PhaseStatus } from '@second-look/domain';
import { IsEnum, IsString, Matches, MaxLength } from 'class-validator';

registerEnumType(CasePhase, { name: 'CasePhase' });
registerEnumType(PhaseStatus, { name: 'PhaseStatus' });

@ObjectType('TimelinePhase')
export class TimelinePhaseModel {
  @Field(() => CasePhase) phase: CasePhase;
  @Field() startOn: string;
  @Field({ description: 'The target in the plan (with any adjustment).' }) plannedTargetOn: string;
  @Field({ description: 'The target once lateness of earlier phases is passed on.' }) dueOn: string;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field() projectedEndOn: string;
  @Field(() => PhaseStatus) status: PhaseStatus;
  @Field(() => Int) daysLate: number;
  @Field(() => String, { nullable: true, description: 'Why staff moved this target, if they did.' }) adjustmentReason: string | null;
}

@ObjectType('CaseTimeline')
export class CaseTimelineModel {
  @Field() startOn: string;
  @Field() targetEndOn: string;
  @Field(() => Int) totalDays: number;
  @Field({ description: 'Whether the plan sits in the usual 3–8 weeks.' }) withinUsualRange: boolean;
  @Field() projectedEndOn: string;
  @Field(() => Int) daysBehindPlan: number;
  @Field(() => CasePhase, { nullable: true }) currentPhase: CasePhase | null;
  @Field(() => CasePhase, { nullable: true }) latePhase: CasePhase | null;
  @Field(() => [TimelinePhaseModel]) phases: TimelinePhaseModel[];
  @Field() today: string;
}

@InputType()
export class AdjustCaseTimelineInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => CasePhase) @IsEnum(CasePhase) phase: CasePhase;
  @Field() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'targetOn must be a date like 2026-12-01' }) targetOn: string;
  @Field() @IsString() @MaxLength(2000) reason: string;
}
