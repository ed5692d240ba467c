import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Language, STARTER_QUESTION_ORDER, StarterQuestion, starterQuestionText } from '@second-look/domain';
import { answerLanguage, GqlContext, GqlCtx, LanguageEnum } from '@second-look/server-platform';
import { DataSource } from 'typeorm';

@ObjectType('SuggestedQuestion', { description: 'A suggested question for the second-opinion visit, in one language.' })
export class SuggestedQuestionModel {
  @Field(() => StarterQuestion) starter: StarterQuestion;
  @Field(() => LanguageEnum) language: Language;
  @Field() text: string;
}

/**
 * The words of the suggested questions (a stored question keeps only its `starter`), from the
 * domain's patient-facing library. A patient may ask for them in the doctor's language.
 */
@Resolver(() => SuggestedQuestionModel)
export class SuggestedQuestionsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => [SuggestedQuestionModel], { description: "The suggested questions, in their usual order, in the language asked for, else the caller's." })
  async suggestedQuestions(@GqlCtx() ctx: GqlContext, @Args('language', { type: () => LanguageEnum, nullable: true }) asked: Language | null): Promise<SuggestedQuestionModel[]> {
    const language = await answerLanguage(ctx, this.dataSource.manager, asked);
    return STARTER_QUESTION_ORDER.map((starter) => ({ starter, language, text: starterQuestionText(starter, language) }));
  }
}
