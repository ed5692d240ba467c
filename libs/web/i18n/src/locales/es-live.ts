/** Spanish strings of live collaboration: who else is on the case, key for key with en-live.ts; fetched only for Spanish readers (the group in the English file). */
export const liveEs = {
  connected: 'En vivo',
  reconnecting: 'Volviendo a conectar…',
  hereNow: 'En este caso ahora',
  onlyYou: 'Por ahora solo está usted.',
  viewing: '{{name}} ({{role}}) está mirando',
  editing: '{{name}} ({{role}}) está editando {{area}}',
  you: 'Usted',
  area: {
    SUMMARY: 'el resumen',
    DETAILS: 'los datos del caso',
    PACKET: 'el expediente médico',
    REQUESTS: 'las solicitudes de expediente',
    COMMENTS: 'un comentario',
    NOTES: 'las notas',
    QUESTIONS: 'la lista de preguntas',
    APPOINTMENT: 'la cita',
    OPINIONS: 'las opiniones',
    TIMELINE: 'el calendario',
  },
};
