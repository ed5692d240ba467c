/** English strings for search across cases and importing clients from a spreadsheet. */
export const searchEn = {
  open: 'Search',
  placeholder: 'Search cases',
  shortcut: 'Press / or Ctrl+K to search',
};

/** The menu entry to the import page (the page's own strings load with it: en-client-import.ts). */
export const clientImportNavEn = 'Import clients';
