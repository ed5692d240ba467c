import { followLive, onlyOthersChanged, theirsFrom, type DraftState } from './versioned-draft';

type Decision = { decision: string; careMoves: boolean; feelings: string[] };
const saved: Decision = { decision: 'Lumpectomy', careMoves: false, feelings: ['HEARD'] };
const state = (draft: Decision, version: number | null = 3): DraftState<Decision> => ({ draft, base: saved, version });
const conflict = { currentVersion: 4, current: {} };

describe('followLive: an open form and what others save meanwhile', () => {
  const theirs: Decision = { ...saved, decision: 'Mastectomy' };

  it('an untouched form takes a newer saved version, values and version together', () => {
    expect(followLive(state(saved), theirs, 4, null)).toEqual({ draft: theirs, base: theirs, version: 4 });
  });

  it('an untouched form that opened before anything was saved takes the first save', () => {
    expect(followLive(state(saved, null), theirs, 1, null)).toEqual({ draft: theirs, base: theirs, version: 1 });
  });

  it('a form with changes keeps the version its values came from, so its save is refused', () => {
    expect(followLive(state({ ...saved, decision: 'Radiation only' }), theirs, 4, null)).toBeNull();
    expect(followLive(state({ ...saved, feelings: ['HEARD', 'HURRIED'] }), theirs, 4, null)).toBeNull();
  });

  it('never goes back to an older or the same version (after "Use theirs" the props may lag)', () => {
    expect(followLive(state(saved, 4), theirs, 3, null)).toBeNull();
    expect(followLive(state(saved, 4), theirs, 4, null)).toBeNull();
  });

  it('stands still while a conflict is shown, and when the row is gone', () => {
    expect(followLive(state(saved), theirs, 5, conflict)).toBeNull();
    expect(followLive(state(saved), theirs, null, null)).toBeNull();
  });
});

describe('theirsFrom and onlyOthersChanged: what a refusal means for the form', () => {
  it('takes the refusal’s values by field name and the rest from the live props', () => {
    expect(theirsFrom({ decision: 'Mastectomy', other: 1 }, saved)).toEqual({ theirs: { ...saved, decision: 'Mastectomy' }, complete: false });
    expect(theirsFrom({ decision: 'Mastectomy', careMoves: true, feelings: [] }, saved)).toEqual({ theirs: { decision: 'Mastectomy', careMoves: true, feelings: [] }, complete: true });
  });

  it('a null from the server is a value (a cleared field), not a missing one', () => {
    const withDate = { followUpOn: '2026-12-01' as string | null };
    expect(theirsFrom({ followUpOn: null }, withDate)).toEqual({ theirs: { followUpOn: null }, complete: true });
  });

  it('saves again on its own only when the refusal names every field and none of them moved', () => {
    const unchanged = theirsFrom({ decision: 'Lumpectomy', careMoves: false, feelings: ['HEARD'], startsAt: 'moved' }, saved);
    expect(onlyOthersChanged(saved, unchanged.theirs, unchanged.complete)).toBe(true);
    const changed = theirsFrom({ decision: 'Mastectomy', careMoves: false, feelings: ['HEARD'] }, saved);
    expect(onlyOthersChanged(saved, changed.theirs, changed.complete)).toBe(false);
    // A refusal without the values (or with only some) is never taken as "nothing of theirs".
    const partial = theirsFrom({ decision: 'Lumpectomy' }, saved);
    expect(onlyOthersChanged(saved, partial.theirs, partial.complete)).toBe(false);
  });
});
