/** Textos en español para buscar casos e importar clientes desde una hoja de cálculo. */
export const searchEs = {
  open: 'Buscar',
  placeholder: 'Buscar casos',
  shortcut: 'Presione / o Ctrl+K para buscar',
};

/** The menu entry to the import page (the page's own strings load with it: es-client-import.ts). */
export const clientImportNavEs = 'Importar clientes';
