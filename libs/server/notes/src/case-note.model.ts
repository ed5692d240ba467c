import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseNoteKind } from '@second-look/domain';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';

registerEnumType(CaseNoteKind, { name: 'CaseNoteKind', description: 'SHARED is shared with the patient; STAFF is for staff only.' });

// A backstop only (the request body is capped at 1 MB): the service checks the exact limit
// and answers PAYLOAD_TOO_LARGE, which tells the client to split the batch.
const MAX_UPDATE_BASE64 = 1_000_000;

@ObjectType('CaseNote', { description: "One of a case's notes, kept as a Yjs document so people can type in it at the same time." })
export class CaseNoteModel {
  @Field(() => ID) caseId: string;
  @Field(() => CaseNoteKind) kind: CaseNoteKind;
  @Field({ description: 'The text as it stands now.' }) text: string;
  @Field({ description: 'Base64 Yjs update with what the caller lacks: everything, or what is newer than the stateVector they sent.' }) update: string;
  @Field({ description: 'Base64 Yjs state vector of the stored note: send it back to receive only what is newer.' }) stateVector: string;
  @Field(() => Int, { description: 'Bumped by every save that changed the note.' }) version: number;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
}

@InputType()
export class ApplyCaseNoteUpdateInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => CaseNoteKind) @IsEnum(CaseNoteKind) kind: CaseNoteKind;
  @Field({ description: 'Base64 Yjs update (v1): the edits of one save batch, or everything typed while offline.' })
  @IsString()
  @MaxLength(MAX_UPDATE_BASE64)
  update: string;
  @Field({ nullable: true, description: "Base64 state vector of the caller's document after these edits; the answer then carries only what they lack." })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  stateVector?: string;
}
