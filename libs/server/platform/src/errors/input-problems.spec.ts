import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsNotEmpty, IsOptional, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLError } from 'graphql';
import { VALIDATION_OPTIONS } from '../graphql/nullable-input';
import { formatGraphqlError } from './graphql-error.util';

class Holder {
  @IsNotEmpty() @MaxLength(5) name: string;
  @IsOptional() @IsEmail() email?: string;
}
class Input {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'sentOn must be a date like 2026-11-22' }) sentOn: string;
  @IsOptional() @Matches(/^\d{3}$/) code?: string;
  @IsInt() @Min(0) feeCents: number;
  @IsOptional() @ValidateNested() @Type(() => Holder) newHolder?: Holder;
}

/** What the API's global pipe answers for `value`, through the one error formatter. */
async function refusal(value: unknown) {
  const pipe = new ValidationPipe(VALIDATION_OPTIONS);
  const thrown = await pipe.transform(value, { type: 'body', metatype: Input }).then(
    () => null,
    (e: Error) => e,
  );
  if (!thrown) return null;
  const error = new GraphQLError(thrown.message, { path: ['createRecordRequest'], originalError: thrown });
  return formatGraphqlError(error.toJSON(), error).extensions;
}

describe('a refused input names each field and its reason code', () => {
  it('gives every refused field, nested ones by path, with a reason the client words', async () => {
    const ext = await refusal({ sentOn: 'soon', code: 'x', feeCents: -1, newHolder: { name: '', email: 'nope' } });
    expect(ext).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        field: 'sentOn',
        reason: 'NOT_A_DATE',
        fields: { sentOn: 'NOT_A_DATE', code: 'INVALID', feeCents: 'TOO_SMALL', 'newHolder.name': 'REQUIRED', 'newHolder.email': 'NOT_AN_EMAIL' },
      },
    });
    // The English sentences stay for people reading the API.
    expect((ext!['details'] as { problems: string[] }).problems).toContain('feeCents must not be less than 0');
  });

  it('reads a field too long as TOO_LONG and a wrong type as NOT_A_NUMBER', async () => {
    const ext = await refusal({ sentOn: '2026-11-02', feeCents: 'ten', newHolder: { name: 'Mercy Hospital' } });
    expect((ext!['details'] as { fields: unknown }).fields).toEqual({ feeCents: 'NOT_A_NUMBER', 'newHolder.name': 'TOO_LONG' });
  });

  it('lets a valid input through', async () => {
    expect(await refusal({ sentOn: '2026-11-02', feeCents: 650 })).toBeNull();
  });
});
