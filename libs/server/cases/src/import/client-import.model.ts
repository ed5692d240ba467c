import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CLIENT_IMPORT_MAX_ROWS, ClientImportProblem } from '@second-look/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

registerEnumType(ClientImportProblem, { name: 'ClientImportProblem', description: 'Why a row of a client import cannot be imported.' });

/** Where a background client import is (docs/import.md). */
export enum ClientImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ClientImportStatus, {
  name: 'ClientImportStatus',
  description: 'QUEUED: waiting for the worker (also between retries); RUNNING: cases being written; DONE: every new client is a case; FAILED: nothing was written.',
});

/** One spreadsheet row as mapped by the person importing: raw text, read by the domain rules. */
@InputType()
export class ClientImportRowInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) patientName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) patientEmail?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) dateOfBirth?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) question?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) diagnosisInDoubt?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) urgency?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) preferredLanguage?: string | null;
}

@InputType()
export class ImportClientsInput {
  @Field(() => [ClientImportRowInput], { description: `At most ${CLIENT_IMPORT_MAX_ROWS} rows.` })
  @IsArray()
  @ArrayMaxSize(CLIENT_IMPORT_MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ClientImportRowInput)
  rows: ClientImportRowInput[];

  @Field({ description: 'Send each new patient with an e-mail an invitation to their case.' }) @IsBoolean() invitePatients: boolean;
  @Field({ description: 'Check only: answer what would happen and write nothing.' }) @IsBoolean() dryRun: boolean;
}

@ObjectType('ClientImportRowError')
export class ClientImportRowErrorModel {
  @Field(() => Int, { description: 'The data row, counting from 1.' }) row: number;
  @Field({ description: 'The field of the row (patientName, patientEmail, dateOfBirth, ...).' }) field: string;
  @Field(() => ClientImportProblem) problem: ClientImportProblem;
}

/** One import started: counts only, never a patient's data. */
@ObjectType('ClientImportRun')
export class ClientImportRunModel {
  @Field(() => ID) id: string;
  @Field(() => ClientImportStatus) status: ClientImportStatus;
  @Field(() => Int, { description: 'Rows of the file.' }) totalRows: number;
  @Field(() => Int, { description: 'Rows handled so far (clients already here count at once).' }) rowsDone: number;
  @Field({ description: 'Whether new clients with an e-mail are invited.' }) invitePatients: boolean;
  @Field({ description: 'The name of the person who started the import.' }) startedByName: string;
  @Field(() => Int, { nullable: true, description: 'When done: rows that became cases.' }) newClients: number | null;
  @Field(() => Int, { nullable: true, description: 'When done: rows that were already clients, left as they are.' }) existingClients: number | null;
  @Field(() => Int, { nullable: true, description: 'When done: invitations sent.' }) invited: number | null;
  @Field(() => Int, { nullable: true, description: 'When failed because rows no longer pass the check: how many problems.' }) problems: number | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('ClientImportResult')
export class ClientImportResultModel {
  @Field(() => ClientImportRunModel, {
    nullable: true,
    description: 'The import started in the background (no problems, not a check); follow it with clientImport(id).',
  })
  run: ClientImportRunModel | null;
  @Field(() => Int, { description: 'Rows that are new clients.' }) newClients: number;
  @Field(() => Int, { description: 'Rows that are already clients (same e-mail, or same name and date of birth): left as they are.' }) existingClients: number;
  @Field(() => Int) invited: number;
  @Field(() => [ClientImportRowErrorModel]) errors: ClientImportRowErrorModel[];
}
