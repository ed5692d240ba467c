import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClockStatus, Language, LANGUAGES, PacketItemKind, PacketItemState, ReceivedProgress, ResponsibleParty } from '@second-look/domain';
import { LanguageEnum, PageInfo } from '@second-look/server-platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { FollowUpChannel } from './request/record-follow-up.entity';
import { RequestMethod } from './request/record-request.entity';

registerEnumType(PacketItemKind, { name: 'PacketItemKind' });
registerEnumType(PacketItemState, { name: 'PacketItemState' });
registerEnumType(ResponsibleParty, { name: 'ResponsibleParty' });
registerEnumType(RequestMethod, { name: 'RequestMethod' });
registerEnumType(FollowUpChannel, { name: 'FollowUpChannel' });
registerEnumType(ClockStatus, { name: 'ClockStatus' });
registerEnumType(ReceivedProgress, { name: 'ReceivedProgress' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date like 2026-11-22';

@ObjectType('RecordHolder')
export class RecordHolderModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() department: string;
  @Field() phone: string;
  @Field() fax: string;
  @Field() email: string;
  @Field() portalUrl: string;
  @Field() address: string;
}

@ObjectType('PacketItem')
export class PacketItemModel {
  @Field(() => ID) id: string;
  caseId: string;
  @Field(() => PacketItemKind) kind: PacketItemKind;
  @Field() title: string;
  holderId: string | null;
  @Field(() => PacketItemState) state: PacketItemState;
  @Field(() => ResponsibleParty) responsible: ResponsibleParty;
  @Field() notes: string;
  /** Null for patients and caregivers: staff notes are never selected for them. */
  @Field(() => String, { nullable: true }) staffNotes?: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ClockReading')
export class ClockReadingModel {
  @Field() dueOn: string;
  @Field(() => ClockStatus) status: ClockStatus;
  @Field(() => Int, { description: 'Days from today to the date; negative once overdue.' }) daysLeft: number;
}

@ObjectType('RecordRequestItem')
export class RecordRequestItemModel {
  packetItemId: string;
  @Field(() => String, { nullable: true }) receivedOn: string | null;
}

@ObjectType('RecordFollowUp')
export class RecordFollowUpModel {
  @Field(() => ID) id: string;
  @Field(() => FollowUpChannel) channel: FollowUpChannel;
  @Field() outcome: string;
  byUserId: string;
  @Field() at: Date;
}

@ObjectType('RecordRequest')
export class RecordRequestModel {
  @Field(() => ID) id: string;
  caseId: string;
  holderId: string;
  @Field(() => RequestMethod) method: RequestMethod;
  @Field() sentOn: string;
  @Field(() => String, { nullable: true }) holderReceivedOn: string | null;
  planTargetOn: string;
  legalDueOn: string;
  @Field() originalLegalDueOn: string;
  @Field(() => String, { nullable: true }) extensionReason: string | null;
  @Field(() => String, { nullable: true }) extensionRecordedOn: string | null;
  @Field() letter: string;
  @Field(() => LanguageEnum, { description: 'The language of the request letter and the follow-up letter (default en).' }) letterLanguage: Language;
  @Field(() => Int, { nullable: true }) feeCents: number | null;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
}

@ObjectType('RecordRequestConnection')
export class RecordRequestConnection {
  @Field(() => [RecordRequestModel]) nodes: RecordRequestModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType('RecordBoardCounts')
export class RecordBoardCounts {
  @Field(() => Int) open: number;
  @Field(() => Int) onTrack: number;
  @Field(() => Int) atRisk: number;
  @Field(() => Int) overdue: number;
}

@ObjectType('RecordBoardHolderGroup')
export class RecordBoardHolderGroup {
  holderId: string;
  @Field(() => Int) open: number;
  @Field(() => Int) atRisk: number;
  @Field(() => Int) overdue: number;
  @Field() oldestSentOn: string;
}

@ObjectType('RecordBoard')
export class RecordBoardModel {
  @Field(() => RecordBoardCounts) counts: RecordBoardCounts;
  @Field(() => [RecordBoardHolderGroup], { description: 'Open requests per record holder, most overdue first.' }) byHolder: RecordBoardHolderGroup[];
  @Field(() => RecordRequestConnection) requests: RecordRequestConnection;
  @Field({ description: "Today in the organization's time zone: the day the statuses were computed for." }) today: string;
}

export enum RecordBoardSort {
  LEGAL_DUE_ON = 'LEGAL_DUE_ON',
  PLAN_TARGET_ON = 'PLAN_TARGET_ON',
  SENT_ON = 'SENT_ON',
}
registerEnumType(RecordBoardSort, { name: 'RecordBoardSort' });

@InputType()
export class RecordBoardFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() leadAdvocateId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() holderId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() urgency?: 'ROUTINE' | 'URGENT';
  @Field(() => ClockStatus, { nullable: true }) @IsOptional() @IsEnum(ClockStatus) status?: ClockStatus;
}

@InputType()
export class RecordHolderInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) department?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(50) fax?: string;
  @Field({ nullable: true }) @IsOptional() @ValidateIf((o: RecordHolderInput) => !!o.email) @IsEmail() @MaxLength(320) email?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) portalUrl?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) address?: string;
}

@InputType()
export class UpdateRecordHolderInput extends RecordHolderInput {
  @Field(() => ID) @IsString() id: string;
}

@InputType()
export class AddPacketItemInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => PacketItemKind) @IsEnum(PacketItemKind) kind: PacketItemKind;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() holderId?: string;
  @Field(() => ResponsibleParty, { nullable: true }) @IsOptional() @IsEnum(ResponsibleParty) responsible?: ResponsibleParty;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

@InputType()
export class UpdatePacketItemInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() holderId?: string;
  @Field(() => PacketItemState, { nullable: true }) @IsOptional() @IsEnum(PacketItemState) state?: PacketItemState;
  @Field(() => ResponsibleParty, { nullable: true }) @IsOptional() @IsEnum(ResponsibleParty) responsible?: ResponsibleParty;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) staffNotes?: string;
}

@InputType()
export class CreateRecordRequestInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => ID, { nullable: true, description: 'A record holder of the organization; or give newHolder instead.' }) @IsOptional() @IsString() holderId?: string;
  @Field(() => RecordHolderInput, { nullable: true, description: 'A holder not in the directory yet: added to it with the request (how patients name a new one).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordHolderInput)
  newHolder?: RecordHolderInput;
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) packetItemIds: string[];
  @Field(() => RequestMethod) @IsEnum(RequestMethod) method: RequestMethod;
  @Field() @Matches(DATE, { message: `sentOn ${DATE_MESSAGE}` }) sentOn: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: `holderReceivedOn ${DATE_MESSAGE}` }) holderReceivedOn?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) letter?: string;
  @Field(() => LanguageEnum, { nullable: true, description: 'The language of this request’s letters; English when not given.' }) @IsOptional() @IsIn(LANGUAGES) letterLanguage?: Language;
}

@InputType()
export class RecordLegalExtensionInput {
  @Field(() => ID) @IsString() requestId: string;
  @Field() @Matches(DATE, { message: `newDueOn ${DATE_MESSAGE}` }) newDueOn: string;
  @Field() @IsString() @MaxLength(2000) reason: string;
}

@InputType()
export class LogRecordFollowUpInput {
  @Field(() => ID) @IsString() requestId: string;
  @Field(() => FollowUpChannel) @IsEnum(FollowUpChannel) channel: FollowUpChannel;
  @Field() @IsString() @IsNotEmpty() @MaxLength(4000) outcome: string;
}

@InputType()
export class MarkRecordsReceivedInput {
  @Field(() => ID) @IsString() requestId: string;
  @Field(() => [ID], { description: 'The items that arrived; others stay outstanding (partial receipt).' })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  packetItemIds: string[];
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: `receivedOn ${DATE_MESSAGE}` }) receivedOn?: string;
}

@InputType()
export class RecordRequestFeeInput {
  @Field(() => ID) @IsString() requestId: string;
  @Field(() => Int, { description: 'The version the editor started from; a save over someone else\u2019s change is refused with STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
  @Field(() => Int) @IsInt() @Min(0) feeCents: number;
}
