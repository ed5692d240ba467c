import { DomainErrorCode } from '../errors/domain-error';
import { canMoveQuestion, cleanQuestionText, missingStarterQuestions, moveQuestion, positionsFor, QuestionMove, StarterQuestion, STARTER_QUESTION_ORDER } from './questions';

describe('question list', () => {
  const order = ['a', 'b', 'c'];

  it('moves a question one place up or down', () => {
    expect(moveQuestion(order, 'b', QuestionMove.UP)).toEqual(['b', 'a', 'c']);
    expect(moveQuestion(order, 'b', QuestionMove.DOWN)).toEqual(['a', 'c', 'b']);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('leaves the list as it is at the top and the bottom', () => {
    expect(moveQuestion(order, 'a', QuestionMove.UP)).toEqual(order);
    expect(moveQuestion(order, 'c', QuestionMove.DOWN)).toEqual(order);
    expect(canMoveQuestion(order, 'a', QuestionMove.UP)).toBe(false);
    expect(canMoveQuestion(order, 'a', QuestionMove.DOWN)).toBe(true);
    expect(canMoveQuestion(order, 'c', QuestionMove.DOWN)).toBe(false);
    expect(canMoveQuestion(order, 'x', QuestionMove.DOWN)).toBe(false);
  });

  it('refuses to move a question that is not in the list', () => {
    expect(() => moveQuestion(order, 'x', QuestionMove.UP)).toThrow(expect.objectContaining({ code: DomainErrorCode.NOT_FOUND }));
  });

  it('numbers positions from 0 without gaps', () => {
    expect([...positionsFor(['c', 'a']).entries()]).toEqual([
      ['c', 0],
      ['a', 1],
    ]);
  });

  it('cleans the words and refuses empty or very long questions', () => {
    expect(cleanQuestionText('  Will   I need   surgery?  ')).toBe('Will I need surgery?');
    expect(() => cleanQuestionText('   ')).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: { field: 'text' } }));
    expect(() => cleanQuestionText('x'.repeat(1001))).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED }));
  });

  it('suggests only the starter questions a list lacks, in order', () => {
    expect(missingStarterQuestions([])).toEqual(STARTER_QUESTION_ORDER);
    expect(missingStarterQuestions([StarterQuestion.MORE_TESTS, null, StarterQuestion.AGREE_WITH_DIAGNOSIS])).toEqual(
      STARTER_QUESTION_ORDER.filter((s) => s !== StarterQuestion.MORE_TESTS && s !== StarterQuestion.AGREE_WITH_DIAGNOSIS),
    );
    expect(missingStarterQuestions(STARTER_QUESTION_ORDER)).toEqual([]);
  });
});
