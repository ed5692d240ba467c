import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CaseNoteKind } from '@second-look/domain';
import { CurrentActor, IdPipe } from '@second-look/server-platform';
import { ApplyCaseNoteUpdateInput, CaseNoteModel } from './case-note.model';
import { CaseNoteService } from './case-note.service';

@Resolver(() => CaseNoteModel)
export class CaseNoteResolver {
  constructor(private readonly notes: CaseNoteService) {}

  @Query(() => CaseNoteModel, { description: 'A note of a case. The staff note is "not found" for patients and caregivers.' })
  caseNote(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }, IdPipe) caseId: string,
    @Args('kind', { type: () => CaseNoteKind }) kind: CaseNoteKind,
    @Args('stateVector', { type: () => String, nullable: true, description: 'Base64 state vector you already have; the answer then holds only what is newer.' })
    stateVector: string | null,
  ): Promise<CaseNoteModel> {
    return this.notes.get(actor, caseId, kind, stateVector);
  }

  @Mutation(() => CaseNoteModel, { description: 'Merge your edits (a Yjs update) into a note; answers with what you lack of the others\u2019 edits.' })
  applyCaseNoteUpdate(@CurrentActor() actor: Actor, @Args('input') input: ApplyCaseNoteUpdateInput): Promise<CaseNoteModel> {
    return this.notes.apply(actor, input);
  }
}
