import type { CasePermissions } from '../access/case-access';

/**
 * A case carries two free-text notes that people type in together: one shared with the
 * patient, one for staff only (docs/domain.md, "Who may see what": internal notes the patient never sees).
 */
export enum CaseNoteKind {
  SHARED = 'SHARED',
  STAFF = 'STAFF',
}

export const CASE_NOTE_KINDS: readonly CaseNoteKind[] = [CaseNoteKind.SHARED, CaseNoteKind.STAFF];

/** Limits that keep one note a note: about 30 printed pages, and a save batch of a few pages. */
export const CASE_NOTE_LIMITS = {
  /** Characters of text in one note. */
  maxTextLength: 100_000,
  /** Bytes of one incoming update (a save batch, or an offline phone's whole backlog). */
  maxUpdateBytes: 256 * 1024,
  /** Bytes of the stored CRDT state (text plus its editing history metadata). */
  maxStateBytes: 2 * 1024 * 1024,
} as const;

export interface CaseNoteAccess {
  /** May learn that the note exists and read it. When false the note must look absent. */
  read: boolean;
  write: boolean;
}

/**
 * Who may read and type in which note. The shared note follows the case's edit right
 * (a caregiver with view access reads it; with edit access types in it too). The staff note
 * is for staff only: anyone else gets nothing, not even a hint that it exists.
 */
export function caseNoteAccess(kind: CaseNoteKind, can: CasePermissions): CaseNoteAccess {
  switch (kind) {
    case CaseNoteKind.SHARED:
      return { read: can.read, write: can.read && can.edit };
    case CaseNoteKind.STAFF:
      return { read: can.read && can.internal, write: can.read && can.internal };
  }
}

export type NoteUpdateProblem = 'EMPTY' | 'NOT_BASE64' | 'TOO_LARGE';

/**
 * Checks the transport form of an update before any CRDT code sees it: standard base64,
 * non-empty, within the size limit. Returns the problem, or null when it may be decoded.
 */
export function checkNoteUpdateEncoding(update: string, maxBytes: number = CASE_NOTE_LIMITS.maxUpdateBytes): NoteUpdateProblem | null {
  if (update.length === 0) return 'EMPTY';
  // Four base64 characters carry three bytes; refuse before decoding anything large.
  if (Math.floor((update.length * 3) / 4) > maxBytes + 2) return 'TOO_LARGE';
  if (update.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(update)) return 'NOT_BASE64';
  return null;
}
