/**
 * English strings for an account's access on the members page (deactivating and turning access
 * back on). Loaded with the members page, not with the first screen (addAreaStrings): only
 * admins read them.
 */
export const memberAccessEn = {
  deactivated: 'Deactivated',
  deactivatedSince: 'Deactivated on {{date}}',
  access: 'Access',
  active: 'Can sign in',
  deactivate: 'Deactivate',
  deactivateLabel: 'Deactivate {{name}}',
  deactivateTitle: 'Deactivate {{name}}?',
  deactivateWhat:
    '{{name}} will be signed out everywhere right away and will not be able to sign in. Nothing is deleted: their notes, comments and history stay, and you can turn their access back on later.',
  holdsChecking: 'Checking what they still hold…',
  holdsNothing: 'They do not lead any open case and have no open tasks.',
  holdsCases_one: 'They lead {{count}} open case.',
  holdsCases_other: 'They lead {{count}} open cases.',
  holdsTasks_one: 'They have {{count}} open task.',
  holdsTasks_other: 'They have {{count}} open tasks.',
  holdsHandOver: 'These stay in their name until you give them to someone else on each case.',
  deactivateYes: 'Yes, deactivate',
  deactivatedDone: '{{name}} can no longer sign in.',
  reactivate: 'Turn access back on',
  reactivateLabel: 'Turn access back on for {{name}}',
  reactivatedDone: '{{name}} can sign in again.',
};
