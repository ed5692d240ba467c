import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * The suggested questions for a second-opinion visit (docs/domain.md, "Prepare"). The words, in
 * English and Spanish, are in i18n/patient-library.ts (STARTER_QUESTION_TEXT); a stored row
 * keeps only which suggestion it came from, and the API words it in the reader's language.
 */
export enum StarterQuestion {
  AGREE_WITH_DIAGNOSIS = 'AGREE_WITH_DIAGNOSIS',
  OTHER_EXPLANATIONS = 'OTHER_EXPLANATIONS',
  MORE_TESTS = 'MORE_TESTS',
  ALL_OPTIONS = 'ALL_OPTIONS',
  RECOMMENDATION_WHY = 'RECOMMENDATION_WHY',
  OUTCOMES_AND_RISKS = 'OUTCOMES_AND_RISKS',
  IN_MY_PLACE = 'IN_MY_PLACE',
}

export const STARTER_QUESTION_ORDER: readonly StarterQuestion[] = [
  StarterQuestion.AGREE_WITH_DIAGNOSIS,
  StarterQuestion.OTHER_EXPLANATIONS,
  StarterQuestion.MORE_TESTS,
  StarterQuestion.ALL_OPTIONS,
  StarterQuestion.RECOMMENDATION_WHY,
  StarterQuestion.OUTCOMES_AND_RISKS,
  StarterQuestion.IN_MY_PLACE,
];

/** The suggestions a list lacks, in their usual order (adding them twice helps nobody). */
export function missingStarterQuestions(present: readonly (StarterQuestion | null)[]): StarterQuestion[] {
  return STARTER_QUESTION_ORDER.filter((s) => !present.includes(s));
}

export const MAX_QUESTIONS = 60;
export const MAX_QUESTION_LENGTH = 1000;

/** A question in the patient's own words: trimmed, not empty, not a page long. */
export function cleanQuestionText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please write the question.', { field: 'text' });
  if (t.length > MAX_QUESTION_LENGTH) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, `Please keep a question under ${MAX_QUESTION_LENGTH} characters.`, { field: 'text' });
  }
  return t;
}

export enum QuestionMove {
  UP = 'UP',
  DOWN = 'DOWN',
}

/**
 * The list after moving one question a place up or down (buttons, not dragging: they work
 * with a thumb on a phone and with a keyboard). At the top or bottom nothing changes.
 */
export function moveQuestion<T extends string>(order: readonly T[], id: T, move: QuestionMove): T[] {
  const i = order.indexOf(id);
  if (i < 0) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Question not found');
  const j = move === QuestionMove.UP ? i - 1 : i + 1;
  const next = [...order];
  const neighbor = order[j];
  if (neighbor === undefined) return next;
  next[i] = neighbor;
  next[j] = id;
  return next;
}

/** Whether a question can move that way (the client greys the button out). */
export function canMoveQuestion<T extends string>(order: readonly T[], id: T, move: QuestionMove): boolean {
  const i = order.indexOf(id);
  return i >= 0 && (move === QuestionMove.UP ? i > 0 : i < order.length - 1);
}

/** Positions 0..n-1 after any change, so gaps and duplicates never build up. */
export function positionsFor<T extends string>(order: readonly T[]): Map<T, number> {
  return new Map(order.map((id, i) => [id, i]));
}
