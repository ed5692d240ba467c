import { isLanguage, Language, languageFromAcceptLanguage } from '@second-look/domain';
import type { EntityManager } from 'typeorm';
import { GqlContext, perRequest } from '../auth/gql-context';

// The GraphQL `Language` enum is registered once, in graphql/language.model.ts.

/**
 * The language to answer the caller in: the one they stored on their account, else their
 * browser's Accept-Language (README, "Architecture": one i18n approach on both sides), read
 * once per request.
 */
export function callerLanguage(ctx: GqlContext, m: EntityManager): Promise<Language> {
  return perRequest(ctx, 'caller-language', async () => {
    if (ctx.actor) {
      const [row]: { language: string | null }[] = await m.query(`SELECT language FROM app_user WHERE id = $1`, [ctx.actor.userId]);
      if (isLanguage(row?.language)) return row.language;
    }
    const header = ctx.req?.headers?.['accept-language'];
    return languageFromAcceptLanguage(Array.isArray(header) ? header.join(',') : header);
  });
}

/** The language asked for explicitly (a script to read aloud to an English-speaking doctor), else the caller's. */
export async function answerLanguage(ctx: GqlContext, m: EntityManager, asked: Language | null | undefined): Promise<Language> {
  return asked && isLanguage(asked) ? asked : callerLanguage(ctx, m);
}
