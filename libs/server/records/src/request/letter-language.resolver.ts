import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '@second-look/domain';
import { CurrentActor } from '@second-look/server-platform';
import { RecordRequestModel } from '../records.model';
import { SetLetterLanguageInput } from './letter-language.model';
import { LetterLanguageService } from './letter-language.service';

@Resolver(() => RecordRequestModel)
export class LetterLanguageResolver {
  constructor(private readonly letterLanguages: LetterLanguageService) {}

  // Staff only, checked after the request is found, so a caller outside the case reads "not found".
  @Mutation(() => RecordRequestModel, { description: 'Staff change the language of a request’s letters; the next letter is in it. Refused with STALE_VERSION when someone saved in between.' })
  setRecordRequestLetterLanguage(@CurrentActor() actor: Actor, @Args('input') input: SetLetterLanguageInput): Promise<RecordRequestModel> {
    return this.letterLanguages.set(actor, input);
  }
}
