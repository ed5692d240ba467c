/** What the search box's keyboard does, apart from React (unit-tested in search-keys.spec.ts). */

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
}

/** True where typed keys belong to a field (an input, a text area, a select or an editor). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as TargetLike | null;
  if (!el) return false;
  if (el.isContentEditable) return true;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/** `/` outside a field, or Ctrl+K (⌘K on a Mac) anywhere, opens search. */
export function isSearchShortcut(e: KeyLike): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target);
}

/** The next highlighted result for an arrow key, wrapping at both ends; -1 when there are none. */
export function moveActive(active: number, count: number, key: string): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active < 0 ? 0 : (active + 1) % count;
  if (key === 'ArrowUp') return active <= 0 ? count - 1 : active - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return active;
}
