import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@second-look/domain';
import { CurrentActor, pageArg, pageSize } from '@second-look/server-platform';
import { SearchArgs, SearchResultsModel } from './search.model';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchResultsModel, {
    description: 'Cases by patient, provider or record holder name, and record requests by holder, within what you may see. Typos are forgiven.',
  })
  search(@CurrentActor() actor: Actor, @Args() args: SearchArgs, @Args('first', pageArg('Query.search')) first: number): Promise<SearchResultsModel> {
    return this.searchService.search(actor, args.query, pageSize('Query.search', first));
  }
}
