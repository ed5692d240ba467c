import { registerEnumType } from '@nestjs/graphql';
import { isLanguage, Language, languageFromAcceptLanguage } from '@second-look/domain';
import type { EntityManager } from 'typeorm';
import { GqlContext, perRequest } from '../auth/gql-context';

/** The product's languages as a GraphQL enum (the values of `LANGUAGES` in the domain). */
export const LanguageEnum = { en: 'en', es: 'es' } as const satisfies Record<Language, Language>;
registerEnumType(LanguageEnum, { name: 'Language', description: 'A language Second Look speaks: en (US English) or es (US Spanish).' });

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
