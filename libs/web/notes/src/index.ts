export { CaseNotesPanel } from './case-notes-panel';
export { NoteSync, NoteTransportError, type NoteTransport, type NoteStatus } from './note-sync';
export { diffText, mapCaret } from './text-diff';
