import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Role } from '@second-look/domain';
import { CurrentActor, IdPipe, RequireRoles } from '@second-look/server-platform';
import { ClientImportResultModel, ClientImportRunModel, ImportClientsInput } from './client-import.model';
import { ClientImportService } from './client-import.service';

@Resolver()
export class ClientImportResolver {
  constructor(private readonly imports: ClientImportService) {}

  @RequireRoles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ClientImportResultModel, {
    description: 'Check spreadsheet rows, or import them: one case per new client, all or nothing, in the background (follow `run`); clients already here are left alone.',
  })
  importClients(@CurrentActor() actor: Actor, @Args('input') input: ImportClientsInput): Promise<ClientImportResultModel> {
    return this.imports.importClients(actor, input);
  }

  @RequireRoles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => ClientImportRunModel, { description: 'One client import of the organization: where it is, and its outcome when done. Counts only.' })
  clientImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<ClientImportRunModel> {
    return this.imports.find(actor, id);
  }

  @RequireRoles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => ClientImportRunModel, { nullable: true, description: 'The organization’s most recent client import (running or finished), if any.' })
  latestClientImport(@CurrentActor() actor: Actor): Promise<ClientImportRunModel | null> {
    return this.imports.latest(actor);
  }
}
