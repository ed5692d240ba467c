import { registerEnumType } from '@nestjs/graphql';
import { LANGUAGES, type Language } from '@second-look/domain';

/**
 * The GraphQL `Language` enum (`en`, `es`), registered once for every server library: a person's
 * language, a case's preferred language. Values are the domain's `LANGUAGES` as they are.
 */
export const LanguageEnum = Object.fromEntries(LANGUAGES.map((l) => [l, l])) as { [L in Language]: L };
registerEnumType(LanguageEnum, { name: 'Language', description: 'A language Second Look speaks: en (US English) or es (US Spanish).' });
