import { lazyNamed } from '@second-look/web-ui';

export const CaseNotesPanel = lazyNamed(() => import('./case-notes-panel'), 'CaseNotesPanel');
export { NoteSync, NoteTransportError, type NoteTransport, type NoteStatus } from './note-sync';
export { diffText, mapCaret } from './text-diff';

/** A note's answers are sync messages, not records: kept inside their result (the editor's Y.Doc holds the text). */
export const notesCacheKeys = { CaseNote: () => null };
