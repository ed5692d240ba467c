import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseStage, SEARCH_MAX_LENGTH, SearchHitKind, SearchMatch } from '@second-look/domain';
import { IsString, MaxLength } from 'class-validator';

registerEnumType(SearchHitKind, { name: 'SearchHitKind' });
registerEnumType(SearchMatch, { name: 'SearchMatch', description: 'What a search hit was found by.' });

@ArgsType()
export class SearchArgs {
  @Field({ description: `Part of a patient's, provider's or record holder's name; spelling slips are forgiven. At most ${SEARCH_MAX_LENGTH} characters.` })
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH)
  query: string;
}

@ObjectType('SearchHit', { description: 'A case, or a record request of a case, that matches a search.' })
export class SearchHitModel {
  @Field(() => ID, { description: 'The case id for a case, the request id for a record request.' }) id: string;
  @Field(() => SearchHitKind) kind: SearchHitKind;
  @Field(() => ID) caseId: string;
  @Field() patientName: string;
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => SearchMatch) match: SearchMatch;
  @Field({ description: 'The name that matched (the patient, provider, institution or record holder).' }) matchedText: string;
  @Field(() => String, { nullable: true, description: 'For a record request: the day it was sent (YYYY-MM-DD).' }) sentOn: string | null;
  @Field(() => Boolean, { nullable: true, description: 'For a record request: still waiting for records.' }) open: boolean | null;
}

@ObjectType('SearchResults')
export class SearchResultsModel {
  @Field({ description: 'The query as searched (spaces collapsed), so a late answer can be told from the current one.' }) query: string;
  @Field(() => [SearchHitModel]) hits: SearchHitModel[];
}
