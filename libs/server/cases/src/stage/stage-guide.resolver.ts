import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_STAGE_ORDER, CaseStage, Language, stageGuide } from '@second-look/domain';
import { answerLanguage, GqlContext, GqlCtx, LanguageEnum } from '@second-look/server-platform';
import { DataSource } from 'typeorm';

@ObjectType('StageGuide', { description: 'One stage of the journey in plain words, in one language.' })
export class StageGuideModel {
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => LanguageEnum) language: Language;
  @Field({ description: 'The stage’s short name.' }) name: string;
  @Field({ description: 'What happens in this stage, in one calm sentence.' }) explanation: string;
  @Field({ description: 'One practical tip for the patient.' }) tip: string;
}

/** The stage guide of the domain's patient-facing library (libs/domain/src/i18n/patient-library.ts). No patient data. */
@Resolver(() => StageGuideModel)
export class StageGuideResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => [StageGuideModel], { description: "Every stage explained, in journey order, in the language asked for, else the caller's." })
  async stageGuide(@GqlCtx() ctx: GqlContext, @Args('language', { type: () => LanguageEnum, nullable: true }) asked: Language | null): Promise<StageGuideModel[]> {
    const language = await answerLanguage(ctx, this.dataSource.manager, asked);
    return CASE_STAGE_ORDER.map((stage) => ({ stage, language, ...stageGuide(stage, language) }));
  }
}
