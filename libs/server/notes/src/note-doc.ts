import { CASE_NOTE_LIMITS, DomainError, DomainErrorCode } from '@second-look/domain';
import * as Y from 'yjs';

/** The one shared type in a note's document. */
export const NOTE_TEXT = 'note';

export interface MergedNote {
  state: Uint8Array;
  stateVector: Uint8Array;
  text: string;
  /** False when the update held nothing the note did not already have. */
  changed: boolean;
}

const invalid = (reason: string, message = 'This change to the notes could not be read. Nothing was saved.') =>
  new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field: 'update', reason });

function load(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  if (state && state.length) Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Merges one client update into a note's stored state. Refuses (and leaves the caller free
 * to change nothing) when the bytes are not a Yjs update, touch anything but the note's
 * text, depend on edits the server never received, or make the note too long.
 */
export function mergeNoteUpdate(state: Uint8Array | null, update: Uint8Array): MergedNote {
  // Decoding first catches most garbage without touching a document.
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw invalid('NOT_A_YJS_UPDATE');
  }
  for (const s of decoded.structs) {
    const parent = (s as { parent?: unknown }).parent;
    if (typeof parent === 'string' && parent !== NOTE_TEXT) throw invalid('UNKNOWN_FIELD');
    if ((s as { parentSub?: unknown }).parentSub) throw invalid('UNKNOWN_FIELD');
  }
  const doc = load(state);
  const before = Y.encodeStateAsUpdate(doc);
  try {
    Y.applyUpdate(doc, update);
  } catch {
    throw invalid('NOT_A_YJS_UPDATE');
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    throw invalid('MISSING_HISTORY', 'This change builds on edits the server does not have. Send the whole note again.');
  }
  if ([...doc.share.keys()].some((k) => k !== NOTE_TEXT)) throw invalid('UNKNOWN_FIELD');
  const ytext = doc.getText(NOTE_TEXT);
  if (ytext.toDelta().some((op: { insert?: unknown }) => typeof op.insert !== 'string')) throw invalid('NOT_TEXT');
  const text = ytext.toString();
  if (text.length > CASE_NOTE_LIMITS.maxTextLength) {
    throw new DomainError(DomainErrorCode.PAYLOAD_TOO_LARGE, `A note can hold up to ${CASE_NOTE_LIMITS.maxTextLength.toLocaleString('en')} characters. Nothing was saved.`, {
      field: 'update',
      reason: 'TEXT_TOO_LONG',
      max: CASE_NOTE_LIMITS.maxTextLength,
    });
  }
  const merged = Y.encodeStateAsUpdate(doc);
  if (merged.length > CASE_NOTE_LIMITS.maxStateBytes) {
    throw new DomainError(DomainErrorCode.PAYLOAD_TOO_LARGE, 'This note has grown too large to save. Nothing was saved.', { field: 'update', reason: 'STATE_TOO_LARGE' });
  }
  const stateVector = Y.encodeStateVector(doc);
  // Deletions do not move the state vector, so compare the encoded states.
  const changed = !equalBytes(before, merged);
  doc.destroy();
  return { state: merged, stateVector, text, changed };
}

export interface NoteView {
  text: string;
  stateVector: Uint8Array;
  /** What a client with `since` lacks (the whole state when `since` is null). */
  diff: Uint8Array;
}

/** Reads a stored state for one client; `since` is that client's state vector, if it has one. */
export function viewNote(state: Uint8Array | null, since: Uint8Array | null): NoteView {
  const doc = load(state);
  let diff: Uint8Array;
  try {
    diff = since ? Y.encodeStateAsUpdate(doc, since) : Y.encodeStateAsUpdate(doc);
  } catch {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The note position sent could not be read.', { field: 'stateVector', reason: 'NOT_A_STATE_VECTOR' });
  }
  const view = { text: doc.getText(NOTE_TEXT).toString(), stateVector: Y.encodeStateVector(doc), diff };
  doc.destroy();
  return view;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
