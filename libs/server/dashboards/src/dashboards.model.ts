import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseStage, DashboardPhase, Urgency } from '@second-look/domain';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

registerEnumType(DashboardPhase, { name: 'DashboardPhase', description: 'A phase of the plan, or the whole journey from start to the loop closed.' });

export enum DashboardFigureKind {
  STAGE_NOW = 'STAGE_NOW',
  STAGE_ENTERED = 'STAGE_ENTERED',
  CLOSED_EARLY = 'CLOSED_EARLY',
  PHASE_DONE = 'PHASE_DONE',
  OUTCOME = 'OUTCOME',
  ADVOCATE_OPEN = 'ADVOCATE_OPEN',
}
registerEnumType(DashboardFigureKind, { name: 'DashboardFigureKind', description: 'Which figure a list of cases stands behind.' });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class DashboardFilter {
  @Field({ nullable: true, description: 'First month of the period, YYYY-MM (default: two months before this one).' })
  @IsOptional()
  @Matches(MONTH)
  fromMonth?: string;
  @Field({ nullable: true, description: 'Last month of the period, YYYY-MM (default: this month).' })
  @IsOptional()
  @Matches(MONTH)
  toMonth?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() advocateId?: string;
  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency) urgency?: Urgency;
  @Field(() => CaseStage, { nullable: true, description: 'Narrows the funnel and the caseload to one stage.' })
  @IsOptional()
  @IsEnum(CaseStage)
  stage?: CaseStage;
}

@InputType()
export class DashboardCasesInput {
  @Field(() => DashboardFigureKind) @IsEnum(DashboardFigureKind) kind: DashboardFigureKind;
  @Field({ description: 'The stage, phase, outcome or advocate id the figure is about.' }) @IsString() @MaxLength(40) key: string;
  @Field(() => DashboardFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => DashboardFilter) filter?: DashboardFilter;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
}

@ObjectType()
export class DashboardPeriod {
  @Field() fromMonth: string;
  @Field() toMonth: string;
}

@ObjectType()
export class StageFigure {
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => Int, { description: 'Cases in this stage now.' }) now: number;
  @Field(() => Int) entered: number;
  @Field(() => Int) left: number;
  @Field(() => Int, { description: 'Cases closed from this stage before the last step.' }) closedEarly: number;
  @Field(() => Float, { nullable: true, description: 'Entered the next stage ÷ entered this one, in the period.' }) conversion: number | null;
}

@ObjectType()
export class DaysFigure {
  @Field(() => Int) count: number;
  @Field(() => Int, { nullable: true }) medianDays: number | null;
  @Field(() => Int, { nullable: true }) p90Days: number | null;
  @Field(() => Int) overTarget: number;
  @Field(() => Float, { nullable: true }) shareOverTarget: number | null;
  @Field({ description: 'Fewer than five: the median and 90th percentile are withheld.' }) suppressed: boolean;
}

@ObjectType()
export class PhaseFigure extends DaysFigure {
  @Field(() => DashboardPhase) phase: DashboardPhase;
  @Field(() => Urgency, { nullable: true, description: 'Null for routine and urgent together.' }) urgency: Urgency | null;
  @Field(() => Int, { nullable: true, description: 'The target in days (null when routine and urgent are mixed).' }) targetDays: number | null;
}

@ObjectType()
export class AdvocatePhaseFigure extends DaysFigure {
  @Field(() => DashboardPhase) phase: DashboardPhase;
  @Field(() => ID, { nullable: true }) advocateId: string | null;
  @Field(() => String, { nullable: true }) advocateName: string | null;
}

@ObjectType()
export class PhasesView {
  @Field(() => [PhaseFigure]) phases: PhaseFigure[];
  @Field(() => [AdvocatePhaseFigure]) byAdvocate: AdvocatePhaseFigure[];
}

@ObjectType()
export class HolderFigure {
  @Field(() => ID) holderId: string;
  @Field() holderName: string;
  @Field(() => Int) sent: number;
  @Field(() => Int) fulfilled: number;
  @Field(() => Int, { nullable: true }) medianDays: number | null;
  @Field(() => Int, { nullable: true }) p90Days: number | null;
  @Field(() => Int) pastTarget: number;
  @Field(() => Float, { nullable: true }) sharePastTarget: number | null;
  @Field(() => Int) pastLegal: number;
  @Field(() => Float, { nullable: true }) sharePastLegal: number | null;
  @Field(() => Int) open: number;
  @Field(() => Int, { description: 'Open and past the plan target (the board\'s "overdue").' }) overdue: number;
  @Field(() => Int, { description: 'Open and past the legal date.' }) openPastLegal: number;
  @Field() suppressed: boolean;
}

@ObjectType()
export class AdvocateLoad {
  @Field(() => ID, { nullable: true }) advocateId: string | null;
  @Field(() => String, { nullable: true }) advocateName: string | null;
  @Field(() => Int) openCases: number;
  @Field(() => Int) urgentCases: number;
  @Field(() => Int) openRequests: number;
  @Field(() => Int) overdueRequests: number;
  @Field(() => Int) pastLegalRequests: number;
}

@ObjectType()
export class KeyCount {
  @Field() key: string;
  @Field(() => Int) count: number;
  @Field(() => Float, { nullable: true }) share: number | null;
}

@ObjectType()
export class OutcomesView {
  @Field(() => [KeyCount], { description: 'Decisions written down in the period, by outcome (PENDING until the case closes).' }) decisions: KeyCount[];
  @Field(() => DaysFigure, { description: 'Days from the start of the case to the decision.' }) daysToDecision: DaysFigure;
  @Field(() => Int) visits: number;
  @Field(() => [KeyCount], { description: 'How visits felt, of the visits with feelings recorded.' }) feelings: KeyCount[];
}

@ObjectType()
export class DashboardModel {
  @Field() timeZone: string;
  @Field({ description: "Today in the organization's time zone." }) today: string;
  @Field(() => DashboardPeriod) period: DashboardPeriod;
  @Field({ description: 'When the figures were read; they are kept in the same transaction as every write.' }) asOf: Date;
  @Field(() => [StageFigure]) funnel: StageFigure[];
  @Field(() => PhasesView) phases: PhasesView;
  @Field(() => [HolderFigure], { description: 'Slowest first (median, then 90th percentile days to fulfill).' }) holders: HolderFigure[];
  @Field(() => [AdvocateLoad]) caseload: AdvocateLoad[];
  @Field(() => OutcomesView) outcomes: OutcomesView;
}

@ObjectType()
export class DashboardCase {
  @Field(() => ID) id: string;
  @Field() patientName: string;
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => String, { nullable: true }) leadAdvocateName: string | null;
}

@ObjectType()
export class DashboardCaseList {
  @Field(() => [DashboardCase]) cases: DashboardCase[];
  @Field(() => Int) totalCount: number;
}
