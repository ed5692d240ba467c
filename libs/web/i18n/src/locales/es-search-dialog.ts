/** Textos del cuadro de búsqueda: se cargan con el cuadro (addAreaStrings), no con la primera pantalla. */
export const searchDialogEs = {
  label: 'Buscar por paciente, médico o lugar que tiene los expedientes',
  hint: 'Escriba al menos 2 letras de un nombre. No importa si hay pequeños errores de escritura.',
  loading: 'Buscando…',
  none: 'Nada coincide con “{{query}}”.',
  results_one: '{{count}} resultado',
  results_many: '{{count}} resultados',
  results_other: '{{count}} resultados',
  failed: 'La búsqueda no funcionó ahora. Intente de nuevo.',
  keys: 'Use las flechas arriba y abajo para elegir, y Enter para abrir.',
  close: 'Cerrar la búsqueda',
  match: {
    PATIENT_NAME: 'Paciente',
    PROVIDER: 'Médico: {{text}}',
    RECORD_HOLDER: 'Expedientes de {{text}}',
  },
  request: {
    open: 'Enviada el {{date}} · en espera',
    done: 'Enviada el {{date}} · terminada',
  },
};
