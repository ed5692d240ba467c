/** One contiguous change that turns `before` into `after`: delete `remove` characters at `index`, then insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The change a textarea's input made, as one splice. A text box changes in one place per
 * input event (typing, deleting, pasting over a selection), so the common start and end
 * find it; `caret` (the selection end after the input) settles where a repeated character
 * went ("aa" + "a" typed in the middle is an insert in the middle, not at the end).
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null;
  if (caret !== undefined && caret >= 0 && caret <= after.length) {
    const grow = after.length - before.length;
    if (grow > 0) {
      const start = caret - grow;
      if (start >= 0 && before.slice(0, start) === after.slice(0, start) && before.slice(start) === after.slice(caret)) {
        return { index: start, remove: 0, insert: after.slice(start, caret) };
      }
    } else if (grow < 0) {
      const removed = -grow;
      if (before.slice(0, caret) === after.slice(0, caret) && before.slice(caret + removed) === after.slice(caret)) {
        return { index: caret, remove: removed, insert: '' };
      }
    }
  }
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

/** A Yjs text delta as the observer reports it. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: string | object; delete?: number }>;

/**
 * Where a caret at `index` ends up after someone else's change: text inserted before it (or
 * at it) pushes it right, text deleted before it pulls it left, changes after it leave it.
 */
export function mapCaret(index: number, delta: TextDelta): number {
  let oldPos = 0;
  let moved = index;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain) oldPos += op.retain;
    else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPos <= index) moved += len;
    } else if (op.delete) {
      if (oldPos < index) moved -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    }
  }
  return Math.max(0, moved);
}
