import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/**
 * Why an input's field was refused, as a code the client words in the reader's language
 * (validation.reason.<code> in the web locales). The English sentences class-validator writes
 * stay in `problems` for people reading the API; screens never show them.
 */
export type InputReason = 'REQUIRED' | 'TOO_LONG' | 'TOO_SHORT' | 'TOO_MANY' | 'NOT_AN_EMAIL' | 'NOT_A_DATE' | 'NOT_A_NUMBER' | 'TOO_SMALL' | 'TOO_BIG' | 'NOT_A_CHOICE' | 'NOT_WEB_LINK' | 'INVALID';

/** class-validator's rule names, each with its reason; any other rule reads INVALID. */
const REASONS: Record<string, InputReason> = {
  isNotEmpty: 'REQUIRED',
  isDefined: 'REQUIRED',
  arrayNotEmpty: 'REQUIRED',
  maxLength: 'TOO_LONG',
  minLength: 'TOO_SHORT',
  arrayMaxSize: 'TOO_MANY',
  arrayMinSize: 'REQUIRED',
  isEmail: 'NOT_AN_EMAIL',
  isDateString: 'NOT_A_DATE',
  isIso8601: 'NOT_A_DATE',
  isISO8601: 'NOT_A_DATE',
  isInt: 'NOT_A_NUMBER',
  isNumber: 'NOT_A_NUMBER',
  min: 'TOO_SMALL',
  max: 'TOO_BIG',
  isIn: 'NOT_A_CHOICE',
  isEnum: 'NOT_A_CHOICE',
  isUrl: 'NOT_WEB_LINK',
};

/** Our calendar-date patterns (`@Matches(DATE, …)` in the models) all say "must be a date like 2026-11-22". */
const DATE_SENTENCE = /must be a date like/;

/** Which reason to give when a field breaks several rules. */
const FIRST: InputReason[] = ['REQUIRED', 'NOT_A_NUMBER', 'NOT_A_DATE', 'NOT_AN_EMAIL', 'NOT_A_CHOICE', 'NOT_WEB_LINK', 'INVALID', 'TOO_SHORT', 'TOO_LONG', 'TOO_MANY', 'TOO_SMALL', 'TOO_BIG'];

/** The reason of each refused field, nested fields named by path (`newHolder.name`). */
export function inputReasons(errors: ValidationError[], prefix = '', out: Record<string, InputReason> = {}): Record<string, InputReason> {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const reasons = Object.entries(e.constraints ?? {}).map(([rule, sentence]) => REASONS[rule] ?? (rule === 'matches' && DATE_SENTENCE.test(sentence) ? 'NOT_A_DATE' : 'INVALID'));
    // The most basic refusal explains the others: empty before "not an e-mail", not a number before "too small".
    const [first] = reasons.sort((x, y) => FIRST.indexOf(x) - FIRST.indexOf(y));
    if (first) out[path] = first;
    if (e.children?.length) inputReasons(e.children, path, out);
  }
  return out;
}

const sentences = (errors: ValidationError[]): string[] => errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...sentences(e.children ?? [])]);

/**
 * The ValidationPipe's refusal: the 400 it always threw, whose body lists the problems, plus
 * each field's reason (`fields`), which formatGraphqlError passes on as the error's details.
 */
export function inputRefusal(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({ message: sentences(errors), fields: inputReasons(errors), error: 'Bad Request', statusCode: 400 });
}
