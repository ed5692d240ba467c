/** Spanish (es-US) strings for finding your way on the case page. */
export const caseNavEs = {
  label: 'Partes de este caso',
  current: 'Ahora',
  section: {
    overview: 'Sobre el caso',
    tasks: 'Tareas',
    notes: 'Notas compartidas',
    doctor: 'Preguntar al médico actual',
    records: 'Expedientes',
    timeline: 'Historia de salud',
    providers: 'Médico de la segunda opinión',
    insurance: 'Seguro',
    visit: 'Cita y preguntas',
    opinions: 'Opiniones y decisión',
    comments: 'Comentarios',
    people: 'Personas y actividad',
  },
  state: {
    overdue_one: '{{count}} atrasada',
    overdue_other: '{{count}} atrasadas',
    overdue_many: '{{count}} atrasadas',
    open_one: '{{count}} abierta',
    open_other: '{{count}} abiertas',
    open_many: '{{count}} abiertas',
    visitOn: 'Cita el {{date}}',
    count: '{{count}}',
  },
};
