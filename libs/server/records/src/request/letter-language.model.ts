import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsString, Min } from 'class-validator';
import { Language, LANGUAGES } from '@second-look/domain';
import { LanguageEnum } from '@second-look/server-platform';

@InputType()
export class SetLetterLanguageInput {
  @Field(() => ID) @IsString() requestId: string;
  @Field(() => Int, { description: 'The version the editor started from; a save over someone else\u2019s change is refused with STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
  @Field(() => LanguageEnum, { description: 'The language of this request’s letters from now on.' }) @IsIn(LANGUAGES) letterLanguage: Language;
}
