import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TASK_DETAILS_MAX, TASK_TITLE_MAX, TaskDueState } from '@second-look/domain';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

registerEnumType(TaskDueState, { name: 'TaskDueState' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date like 2026-11-22';

@ObjectType('CaseTask', { description: 'A task on a case (docs/domain.md, "Tasks").' })
export class CaseTaskModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() title: string;
  @Field() details: string;
  @Field(() => ID, { nullable: true }) assigneeId: string | null;
  @Field({ description: 'Staff only: never sent to the patient or caregivers.' }) internal: boolean;
  @Field(() => String, { nullable: true }) dueOn: string | null;
  @Field(() => String, { nullable: true }) remindOn: string | null;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
  @Field(() => ID, { nullable: true }) doneById: string | null;
  @Field(() => ID) createdById: string;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
}

@InputType()
export class AddCaseTaskInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field() @IsString() @MaxLength(TASK_TITLE_MAX + 50) title: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(TASK_DETAILS_MAX) details?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() assigneeId?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() internal?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: `dueOn ${DATE_MESSAGE}` }) dueOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: `remindOn ${DATE_MESSAGE}` }) remindOn?: string | null;
}

@InputType({ description: 'Fields left out keep their value; assigneeId, dueOn and remindOn set to null are cleared.' })
export class UpdateCaseTaskInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int, { description: 'The version the editor started from; a stale one is refused with STALE_VERSION.' }) @IsInt() expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(TASK_TITLE_MAX + 50) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(TASK_DETAILS_MAX) details?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() assigneeId?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() internal?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: `dueOn ${DATE_MESSAGE}` }) dueOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: `remindOn ${DATE_MESSAGE}` }) remindOn?: string | null;
}

@InputType()
export class SetCaseTaskDoneInput {
  @Field(() => ID) @IsString() id: string;
  @Field() @IsBoolean() done: boolean;
}
