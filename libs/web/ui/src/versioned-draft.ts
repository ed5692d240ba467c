import { useState } from 'react';
import type { CombinedError } from 'urql';
import { staleConflict, type StaleConflict } from './conflict';

/** What a form is editing: the values it started from, the version they came from, and the draft. */
export interface DraftState<T> {
  draft: T;
  base: T;
  version: number | null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form the person has not touched follows what others save: live updates refresh the props
 * under an open form, and a newer version there replaces both the draft and its base. A draft
 * with changes keeps its base version, so its save is refused when someone saved meanwhile.
 * Only a newer version counts: after "Use theirs" the props may still lag behind the refusal.
 */
export function followLive<T>(state: DraftState<T>, live: T, liveVersion: number | null, conflict: StaleConflict | null): DraftState<T> | null {
  if (conflict || liveVersion === null) return null;
  if (state.version !== null && liveVersion <= state.version) return null;
  if (!same(state.draft, state.base)) return null;
  return { draft: live, base: live, version: liveVersion };
}

/**
 * The other person's values, from the refusal itself; fields it does not carry come from the
 * live props. `complete` says whether the refusal named every field of the form.
 */
export function theirsFrom<T extends object>(current: Record<string, unknown>, live: T): { theirs: T; complete: boolean } {
  const keys = Object.keys(live) as (keyof T & string)[];
  const theirs = { ...live };
  for (const k of keys) if (current[k] !== undefined) theirs[k] = current[k] as T[typeof k];
  return { theirs, complete: keys.every((k) => current[k] !== undefined) };
}

/**
 * The save was refused only because the row moved on for another reason (someone else saved
 * other fields of it, e.g. the visit was moved while feelings were being written): every field
 * of this form still holds what the form started from, so nothing of theirs would be lost.
 */
export function onlyOthersChanged<T>(base: T, theirs: T, complete: boolean): boolean {
  return complete && same(base, theirs);
}

export interface VersionedDraftOptions<T, D> {
  /** The values saved now, as the form holds them, from live-refreshed props. */
  live: T;
  /** Their version; null while nothing is saved yet. */
  liveVersion: number | null;
  /** Saves the draft against the version it came from (the API refuses a stale one). */
  send: (draft: T, expectedVersion: number | null) => Promise<{ data?: D; error?: CombinedError }>;
  /** The version the save produced. */
  savedVersion: (data: D) => number | null | undefined;
  /**
   * The other person's values from the refusal's `current`, when its fields are not named as
   * the form's are. Default: the fields of the same name, the rest from `live`.
   */
  theirs?: (current: Record<string, unknown>, live: T) => { theirs: T; complete: boolean };
}

/**
 * No lost updates on a form: the form keeps the version its values came from (not the one the
 * live props hold at the moment of saving), moves it on after its own successful save, and when
 * a save is refused as stale it holds both versions so the person can keep theirs or take the
 * other's (see DraftConflict). Used by every form that edits a versioned row.
 */
export function useVersionedDraft<T extends object, D>(options: VersionedDraftOptions<T, D>) {
  const { live, liveVersion } = options;
  const [state, setState] = useState<DraftState<T>>(() => ({ draft: live, base: live, version: liveVersion }));
  const [conflict, setConflict] = useState<StaleConflict | null>(null);
  const followed = followLive(state, live, liveVersion, conflict);
  // Adjusting state while rendering (React's pattern for state derived from props).
  if (followed) setState(followed);
  const current = followed ?? state;
  const mapTheirs = options.theirs ?? theirsFrom;
  const theirs = conflict ? mapTheirs(conflict.current, live).theirs : null;

  const saveAgainst = async (expectedVersion: number | null, retried = false): Promise<D | null> => {
    const sent = current.draft;
    setConflict(null);
    const res = await options.send(sent, expectedVersion);
    if (res.data) {
      const v = options.savedVersion(res.data);
      setState((s) => ({ draft: s.draft, base: sent, version: v ?? s.version }));
      return res.data;
    }
    const stale = staleConflict(res.error);
    if (stale) {
      const other = mapTheirs(stale.current, live);
      if (!retried && onlyOthersChanged(current.base, other.theirs, other.complete)) return saveAgainst(stale.currentVersion, true);
      setConflict(stale);
    }
    return null;
  };

  return {
    draft: current.draft,
    /** The version the draft came from (what a save is checked against). */
    version: current.version,
    changed: !same(current.draft, current.base),
    setDraft: (next: T | ((d: T) => T)) => setState((s) => ({ ...s, draft: typeof next === 'function' ? (next as (d: T) => T)(s.draft) : next })),
    set: <K extends keyof T>(k: K, v: T[K]) => setState((s) => ({ ...s, draft: { ...s.draft, [k]: v } })),
    /** Someone else saved first: what the API said is saved now. */
    conflict,
    /** Their values, as the form holds them, while there is a conflict. */
    theirs,
    save: () => saveAgainst(current.version),
    /** Saves this person's draft over the other's, knowingly. */
    keepMine: () => saveAgainst(conflict ? conflict.currentVersion : current.version),
    /** Drops the draft for the other person's values, and edits on from their version. */
    takeTheirs: () => {
      if (!conflict || !theirs) return;
      setState({ draft: theirs, base: theirs, version: conflict.currentVersion });
      setConflict(null);
    },
    /** Starts again from what is saved now (opening a form that was closed). */
    reset: () => {
      setConflict(null);
      setState({ draft: live, base: live, version: liveVersion });
    },
  };
}
