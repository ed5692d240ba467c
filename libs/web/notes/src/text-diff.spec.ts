import { diffText, mapCaret } from './text-diff';

const applyChange = (s: string, c: ReturnType<typeof diffText>) => (c ? s.slice(0, c.index) + c.insert + s.slice(c.index + c.remove) : s);

describe('diffText', () => {
  it('finds nothing when nothing changed', () => {
    expect(diffText('same', 'same', 2)).toBeNull();
  });

  it('finds typing at the end, the start and the middle', () => {
    expect(diffText('abc', 'abcd', 4)).toEqual({ index: 3, remove: 0, insert: 'd' });
    expect(diffText('abc', 'xabc', 1)).toEqual({ index: 0, remove: 0, insert: 'x' });
    expect(diffText('abc', 'abXc', 3)).toEqual({ index: 2, remove: 0, insert: 'X' });
  });

  it('uses the caret to place a repeated character where it was typed', () => {
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aaa', 'aa', 1)).toEqual({ index: 1, remove: 1, insert: '' });
  });

  it('finds backspace, forward delete and a deleted selection', () => {
    expect(diffText('abcd', 'abd', 2)).toEqual({ index: 2, remove: 1, insert: '' });
    expect(diffText('hello world', 'hello', 5)).toEqual({ index: 5, remove: 6, insert: '' });
  });

  it('finds a paste over a selection as one replace', () => {
    const c = diffText('call the clinic today', 'call Dr Chen today', 12);
    expect(c).toEqual({ index: 5, remove: 10, insert: 'Dr Chen' });
    expect(applyChange('call the clinic today', c)).toBe('call Dr Chen today');
  });

  it('always produces a change that turns one text into the other, with or without a caret', () => {
    const pairs: Array<[string, string]> = [
      ['', 'new note'],
      ['old note', ''],
      ['abcabc', 'abc'],
      ['mississippi', 'missisippi'],
      ['line 1\nline 2', 'line 1\nline 1.5\nline 2'],
      ['😀 ok', '😀😀 ok'],
    ];
    for (const [a, b] of pairs) {
      expect(applyChange(a, diffText(a, b))).toBe(b);
      for (let caret = 0; caret <= b.length; caret++) expect(applyChange(a, diffText(a, b, caret))).toBe(b);
    }
  });
});

describe('mapCaret', () => {
  it('moves the caret right when text arrives before it', () => {
    expect(mapCaret(5, [{ insert: 'Sam: ' }])).toBe(10);
    expect(mapCaret(5, [{ retain: 2 }, { insert: 'xy' }])).toBe(7);
  });

  it('pushes a caret when text is inserted exactly at it', () => {
    expect(mapCaret(3, [{ retain: 3 }, { insert: '!' }])).toBe(4);
  });

  it('leaves the caret when the change is after it', () => {
    expect(mapCaret(3, [{ retain: 5 }, { insert: 'later' }])).toBe(3);
    expect(mapCaret(3, [{ retain: 3 }, { delete: 2 }])).toBe(3);
  });

  it('pulls the caret left when text before it is deleted, never past the deletion', () => {
    expect(mapCaret(10, [{ retain: 2 }, { delete: 3 }])).toBe(7);
    expect(mapCaret(4, [{ retain: 2 }, { delete: 5 }])).toBe(2);
    expect(mapCaret(0, [{ delete: 5 }])).toBe(0);
  });

  it('combines several changes of one delta', () => {
    expect(mapCaret(6, [{ insert: 'ab' }, { retain: 1 }, { delete: 2 }, { insert: 'Z' }])).toBe(7);
  });
});
