import { DomainErrorCode } from '../errors/domain-error';
import { allowedStageMoves, assertStageMove, CASE_STAGE_ORDER, CaseStage, canMoveStage } from './case-stage';

describe('case stage moves', () => {
  it('lists every stage once, in journey order, ending closed', () => {
    expect(new Set(CASE_STAGE_ORDER).size).toBe(Object.keys(CaseStage).length);
    expect(CASE_STAGE_ORDER[0]).toBe(CaseStage.DECIDE);
    expect(CASE_STAGE_ORDER.at(-1)).toBe(CaseStage.CLOSED);
  });

  it.each(CASE_STAGE_ORDER.slice(0, -1).map((s, i) => [s, CASE_STAGE_ORDER[i + 1]]))('moves on from %s to %s', (from, to) => {
    expect(canMoveStage(from, to)).toBe(true);
  });

  it('never skips ahead past the next stage, except between the side-by-side stages', () => {
    expect(canMoveStage(CaseStage.DECIDE, CaseStage.GATHER_RECORDS)).toBe(false);
    expect(canMoveStage(CaseStage.TALK_TO_DOCTOR, CaseStage.APPOINTMENT)).toBe(false);
    expect(canMoveStage(CaseStage.GATHER_RECORDS, CaseStage.VERIFY_INSURANCE)).toBe(true);
    expect(canMoveStage(CaseStage.VERIFY_INSURANCE, CaseStage.GATHER_RECORDS)).toBe(true);
    expect(canMoveStage(CaseStage.CHOOSE_PROVIDER, CaseStage.PREPARE)).toBe(false);
  });

  it('goes back to any earlier stage (e.g. a third opinion after comparing)', () => {
    expect(canMoveStage(CaseStage.COMPARE_AND_DECIDE, CaseStage.CHOOSE_PROVIDER)).toBe(true);
    expect(canMoveStage(CaseStage.APPOINTMENT, CaseStage.DECIDE)).toBe(true);
  });

  it('closes from any open stage and reopens only to closing the loop', () => {
    for (const s of CASE_STAGE_ORDER.slice(0, -1)) expect(canMoveStage(s, CaseStage.CLOSED)).toBe(true);
    expect(allowedStageMoves(CaseStage.CLOSED)).toEqual([CaseStage.CLOSE_THE_LOOP]);
  });

  it('never lists a move to the same stage', () => {
    for (const s of CASE_STAGE_ORDER) expect(allowedStageMoves(s)).not.toContain(s);
  });

  it('explains a refused move with a code and the allowed moves', () => {
    expect(() => assertStageMove(CaseStage.DECIDE, CaseStage.APPOINTMENT)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.INVALID_STAGE_MOVE, details: expect.objectContaining({ allowed: allowedStageMoves(CaseStage.DECIDE) }) }),
    );
  });
});
