/** Spanish strings of the shared notes panel, key for key with en-notes.ts; fetched only for Spanish readers (the group in the English file). */
export const notesEs = {
  heading: 'Notas',
  sharedTab: 'Compartidas con el paciente',
  staffTab: 'Solo personal',
  sharedLabel: 'Notas compartidas',
  staffLabel: 'Notas solo para el personal',
  sharedHelp: 'Todos en este caso pueden leer y escribir aquí, al mismo tiempo. Los cambios se guardan solos.',
  sharedReadOnlyHelp: 'Notas escritas por las personas que trabajan en este caso. Puede leerlas aquí.',
  staffHelp: 'Solo el personal ve estas notas. El paciente y su familia nunca las ven.',
  placeholder: 'Anote lo que valga la pena recordar: preguntas, llamadas, lo que se dijo…',
  live: 'En vivo',
  status: {
    loading: 'Abriendo las notas…',
    saving: 'Guardando…',
    saved: 'Todos los cambios están guardados',
    offline: 'Parece que no tiene conexión. Siga escribiendo: sus cambios se quedan aquí y se guardan cuando vuelva la conexión.',
    refused: 'No se pudo guardar este cambio. Su texto sigue aquí; intente de nuevo en un momento.',
    tooLong: 'Estas notas son demasiado largas para guardarlas. Acórtelas un poco y se volverán a guardar.',
    gone: 'Ya no tiene acceso a estas notas.',
  },
};
