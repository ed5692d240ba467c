import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActivityGroup, CaseArea, CaseEventKind, CaseStage, Role } from '@second-look/domain';
import { PageInfo } from '@second-look/server-platform';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';

registerEnumType(CaseArea, { name: 'CaseArea' });
registerEnumType(ActivityGroup, { name: 'ActivityGroup' });

@ObjectType('CasePresence', { description: 'Someone who has this case open right now.' })
export class CasePresenceModel {
  @Field(() => ID, { description: 'One per open page (a person may have two).' }) key: string;
  userId: string;
  @Field(() => Role) role: Role;
  @Field(() => CaseArea, { nullable: true, description: 'What they are editing now; null when just looking.' }) editing: CaseArea | null;
  @Field() since: Date;
  @Field({ description: 'This entry is your own page.' }) you: boolean;
}

/** A page id the browser makes up per open case page, so presence is per tab and only its owner can change it. */
export const VIEW_ID = /^[A-Za-z0-9_-]{8,64}$/;

@ArgsType()
export class SetCasePresenceArgs {
  @Field(() => ID) @IsUUID() caseId: string;
  @Field() @Matches(VIEW_ID) viewId: string;
  @Field(() => CaseArea, { nullable: true }) @IsOptional() @IsEnum(CaseArea) editing: CaseArea | null;
}

@ObjectType('CaseActivity', { description: 'One thing someone did on the case.' })
export class CaseActivityModel {
  @Field(() => ID) id: string;
  @Field(() => CaseEventKind) kind: CaseEventKind;
  @Field(() => ActivityGroup) group: ActivityGroup;
  @Field() at: Date;
  actorId: string | null;
  @Field(() => ID, { nullable: true }) entityId: string | null;
  @Field({ description: 'Only staff see this line.' }) staffOnly: boolean;
  @Field(() => [String], { description: 'Which fields changed, where that is known (summary, question, state…).' }) fields: string[];
  @Field(() => CaseStage, { nullable: true }) fromStage: CaseStage | null;
  @Field(() => CaseStage, { nullable: true }) toStage: CaseStage | null;
  @Field(() => String, { nullable: true, description: 'The kind of packet item, for records lines.' }) itemKind: string | null;
  @Field(() => String, { nullable: true, description: 'What happened, where one kind covers several (added, edited, moved, removed, chosen…).' }) change: string | null;
}

@ObjectType('CaseActivityConnection')
export class CaseActivityConnection {
  @Field(() => [CaseActivityModel]) nodes: CaseActivityModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class CaseActivityFilter {
  @Field(() => [ActivityGroup], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(ActivityGroup, { each: true }) groups?: ActivityGroup[] | null;
  @Field(() => ID, { nullable: true, description: 'Only what this person did.' }) @IsOptional() @IsUUID() actorId?: string | null;
}
