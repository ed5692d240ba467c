import { CaseStage } from '../cases/case-stage';
import { DomainErrorCode } from '../errors/domain-error';
import { assertCanClose, assertCanRecordDecision, ClosingFacts, closingProblems, CloseProblem, RecordsReleaseState, releaseStateFor } from './closing';

const ready: ClosingFacts = { stage: CaseStage.CLOSE_THE_LOOP, decision: 'Go ahead with the lumpectomy', followUpOn: '2026-12-10', careMoves: false, recordsRelease: RecordsReleaseState.NOT_NEEDED };

describe('deciding and closing the loop', () => {
  it('records a decision while comparing or closing the loop, not before', () => {
    expect(() => assertCanRecordDecision(CaseStage.COMPARE_AND_DECIDE)).not.toThrow();
    expect(() => assertCanRecordDecision(CaseStage.CLOSE_THE_LOOP)).not.toThrow();
    for (const s of [CaseStage.DECIDE, CaseStage.APPOINTMENT, CaseStage.CLOSED]) {
      expect(() => assertCanRecordDecision(s)).toThrow(expect.objectContaining({ code: DomainErrorCode.CONFLICT }));
    }
  });

  it('asks for the records release only when care moves', () => {
    expect(releaseStateFor(false, RecordsReleaseState.SENT)).toBe(RecordsReleaseState.NOT_NEEDED);
    expect(releaseStateFor(true, RecordsReleaseState.NOT_NEEDED)).toBe(RecordsReleaseState.TO_SEND);
    expect(releaseStateFor(true, RecordsReleaseState.SENT)).toBe(RecordsReleaseState.SENT);
    expect(releaseStateFor(true, RecordsReleaseState.TO_SEND)).toBe(RecordsReleaseState.TO_SEND);
  });

  it('closes once the loop is closed: decision, follow-up, records released if care moves', () => {
    expect(closingProblems(ready)).toEqual([]);
    expect(() => assertCanClose(ready)).not.toThrow();
    expect(closingProblems({ stage: CaseStage.COMPARE_AND_DECIDE, decision: ' ', followUpOn: null, careMoves: true, recordsRelease: RecordsReleaseState.TO_SEND })).toEqual([
      CloseProblem.NOT_CLOSING_THE_LOOP,
      CloseProblem.NO_DECISION,
      CloseProblem.NO_FOLLOW_UP,
      CloseProblem.RECORDS_NOT_RELEASED,
    ]);
    expect(closingProblems({ ...ready, careMoves: true, recordsRelease: RecordsReleaseState.SENT })).toEqual([]);
    expect(() => assertCanClose({ ...ready, decision: null })).toThrow(expect.objectContaining({ code: DomainErrorCode.CONFLICT, details: { problems: [CloseProblem.NO_DECISION] } }));
  });
});
