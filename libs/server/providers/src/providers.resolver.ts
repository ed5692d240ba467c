import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, BUILT_IN_DOCTOR_SCRIPTS, doctorScriptText, Language, Role, STAFF_ROLES } from '@second-look/domain';
import { CaseAccessService, CaseModel, PatientCase } from '@second-look/server-cases';
import { InjectDataSource } from '@nestjs/typeorm';
import { answerLanguage, CurrentActor, GqlContext, GqlCtx, LanguageEnum, RequireRoles } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { ProviderCandidateService } from './candidate/provider-candidate.service';
import { ProviderDirectoryService } from './directory/provider-directory.service';
import { DoctorScriptService } from './doctor-script/doctor-script.service';
import {
  AddProviderCandidateInput,
  BuiltInDoctorScriptModel,
  CaseDoctorScriptModel,
  ChooseProviderCandidateInput,
  DirectoryProviderInput,
  DirectoryProviderModel,
  DoctorScriptInput,
  DoctorScriptModel,
  ProviderCandidateModel,
  ProviderChoiceModel,
  SaveCaseDoctorScriptInput,
  UpdateProviderCandidateInput,
} from './providers.model';

/** Candidates, the choice and the saved script as fields of a case (the case was read through its scope). */
// Signed-in callers of every role; each field and mutation then scopes through the case.
@RequireRoles(...Object.values(Role))
@Resolver(() => CaseModel)
export class CaseProvidersResolver {
  constructor(
    private readonly candidates: ProviderCandidateService,
    private readonly scripts: DoctorScriptService,
  ) {}

  @ResolveField(() => [ProviderCandidateModel], { description: 'Second-opinion providers being considered, oldest first.' })
  providerCandidates(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<ProviderCandidateModel[]> {
    return this.candidates.loader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => ProviderChoiceModel)
  async providerChoice(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<ProviderChoiceModel> {
    return this.candidates.choice(kase as unknown as PatientCase, await this.candidates.loader(ctx, actor).load(kase.id));
  }

  @ResolveField(() => CaseDoctorScriptModel, { nullable: true, description: 'The script the patient picked and edited, if any.' })
  doctorScript(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CaseDoctorScriptModel | null> {
    return this.scripts.loader(ctx, actor).load(kase.id);
  }
}

// Signed-in callers of every role; each field and mutation then scopes through the case.
@RequireRoles(...Object.values(Role))
@Resolver(() => ProviderCandidateModel)
export class ProvidersResolver {
  constructor(
    private readonly candidates: ProviderCandidateService,
    private readonly directory: ProviderDirectoryService,
    private readonly scripts: DoctorScriptService,
    private readonly access: CaseAccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @RequireRoles(...STAFF_ROLES)
  @Query(() => [DirectoryProviderModel], { description: "The organization's directory of second-opinion providers." })
  providerDirectory(@CurrentActor() actor: Actor, @Args('search', { type: () => String, nullable: true }) search: string | null): Promise<DirectoryProviderModel[]> {
    return this.directory.list(actor, search);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => DirectoryProviderModel)
  createDirectoryProvider(@CurrentActor() actor: Actor, @Args('input') input: DirectoryProviderInput): Promise<DirectoryProviderModel> {
    return this.directory.create(actor, input);
  }

  @Mutation(() => CaseModel, { description: 'Add a candidate, from the directory or new.' })
  async addProviderCandidate(@CurrentActor() actor: Actor, @Args('input') input: AddProviderCandidateInput): Promise<CaseModel> {
    return this.caseOf(actor, (await this.candidates.add(actor, input)).caseId);
  }

  @Mutation(() => CaseModel)
  async updateProviderCandidate(@CurrentActor() actor: Actor, @Args('input') input: UpdateProviderCandidateInput): Promise<CaseModel> {
    return this.caseOf(actor, (await this.candidates.update(actor, input)).caseId);
  }

  @Mutation(() => CaseModel, { description: 'Choose this candidate for the case, with the reason; any earlier choice is released.' })
  async chooseProviderCandidate(@CurrentActor() actor: Actor, @Args('input') input: ChooseProviderCandidateInput): Promise<CaseModel> {
    return this.caseOf(actor, (await this.candidates.choose(actor, input)).caseId);
  }

  @Mutation(() => CaseModel, { description: 'Remove a candidate; answers the case so its list refreshes.' })
  async removeProviderCandidate(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<CaseModel> {
    return this.caseOf(actor, await this.candidates.remove(actor, id));
  }

  @Query(() => [DoctorScriptModel], { description: 'Scripts the organization added to the built-in library.' })
  doctorScripts(@CurrentActor() actor: Actor): Promise<DoctorScriptModel[]> {
    return this.scripts.list(actor);
  }

  @Query(() => [BuiltInDoctorScriptModel], {
    description:
      "The built-in scripts in one language: the one asked for (a Spanish-reading patient may want the English words to say to an English-speaking doctor), else the caller's (their stored language, else Accept-Language).",
  })
  async doctorScriptLibrary(@GqlCtx() ctx: GqlContext, @Args('language', { type: () => LanguageEnum, nullable: true }) asked: Language | null): Promise<BuiltInDoctorScriptModel[]> {
    const language = await answerLanguage(ctx, this.dataSource.manager, asked);
    return BUILT_IN_DOCTOR_SCRIPTS.map((s) => ({ ...s, language, ...doctorScriptText(s.key, language)! }));
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => DoctorScriptModel)
  createDoctorScript(@CurrentActor() actor: Actor, @Args('input') input: DoctorScriptInput): Promise<DoctorScriptModel> {
    return this.scripts.create(actor, input);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => Boolean)
  deleteDoctorScript(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.scripts.remove(actor, id);
  }

  @Mutation(() => CaseModel, { description: 'Save the script the patient picked and edited on the case.' })
  async saveCaseDoctorScript(@CurrentActor() actor: Actor, @Args('input') input: SaveCaseDoctorScriptInput): Promise<CaseModel> {
    return this.caseOf(actor, (await this.scripts.saveForCase(actor, input)).caseId);
  }

  /** Mutations answer the case, so the one cache refreshes every candidate (a choice releases the others). */
  private async caseOf(actor: Actor, caseId: string): Promise<CaseModel> {
    return (await this.access.load(actor, caseId)).kase;
  }
}
