/** English strings of the search dialog: loaded with the dialog (addAreaStrings), not the first screen. */
export const searchDialogEn = {
  label: 'Search by patient, provider or record holder',
  hint: 'Type at least 2 letters of a name. Small spelling mistakes are fine.',
  loading: 'Searching…',
  none: 'Nothing matches “{{query}}”.',
  results_one: '{{count}} match',
  results_other: '{{count}} matches',
  failed: 'Search did not work just now. Please try again.',
  keys: 'Use the up and down arrows to choose, and Enter to open.',
  close: 'Close search',
  match: {
    PATIENT_NAME: 'Patient',
    PROVIDER: 'Provider: {{text}}',
    RECORD_HOLDER: 'Records from {{text}}',
  },
  request: {
    open: 'Sent {{date}} · waiting',
    done: 'Sent {{date}} · finished',
  },
};
