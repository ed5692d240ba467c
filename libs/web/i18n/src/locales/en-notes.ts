import type { AreaStrings } from '../i18n';
/**
 * English strings of the shared notes panel: loaded with the screens that show them
 * (the group at the end, registered with addAreaStrings), not with the first screen.
 */
export const notesEn = {
  heading: 'Notes',
  sharedTab: 'Shared with the patient',
  staffTab: 'Staff only',
  sharedLabel: 'Shared notes',
  staffLabel: 'Staff-only notes',
  sharedHelp: 'Everyone on this case can read and write here, at the same time. Changes save on their own.',
  sharedReadOnlyHelp: 'Notes written by the people working on this case. You can read them here.',
  staffHelp: 'Only staff see these notes. The patient and their family never do.',
  placeholder: 'Jot down anything worth remembering: questions, phone calls, what was said…',
  live: 'Live',
  status: {
    loading: 'Opening the notes…',
    saving: 'Saving…',
    saved: 'All changes saved',
    offline: 'You seem to be offline. Keep typing: your changes are kept here and will sync when the connection is back.',
    refused: 'This change could not be saved. Your text is still here; try again in a moment.',
    tooLong: 'These notes have grown too long to save. Shorten them a little and they will save again.',
    gone: 'These notes are no longer available to you.',
  },
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const notesWords: AreaStrings = { en: { notes: notesEn }, es: () => import('./es-notes').then((m) => ({ notes: m.notesEs })) };
