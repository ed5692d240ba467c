import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '@second-look/domain';
import { UserModel, UserService } from '@second-look/server-identity';
import { CurrentActor, GqlContext, GqlCtx } from '@second-look/server-platform';
import { CaseDocumentModel } from './case-document.model';

@Resolver(() => CaseDocumentModel)
export class CaseDocumentResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'Who uploaded the file (null if that account is gone).' })
  uploadedBy(@Parent() doc: CaseDocumentModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> {
    return this.users.loader(ctx, actor.organizationId).load(doc.uploadedById);
  }
}
