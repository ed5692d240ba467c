import type { ReminderBellSentences, ReminderEmailWords } from './notification-kind';

/*
 * The words of every reminder kind in US Spanish (usted, plain words; expediente médico, seguro
 * médico, autorización previa), the twin of reminder-words-en.ts, read by the e-mail and by the
 * bell. The web client loads this file only with the rest of its Spanish words, in their own chunk.
 */

/** The e-mail's subject and sentence, by the kind's name. */
export const REMINDER_EMAIL_ES = {
  RECORD_SENT_DAY: {
    subject: 'Una solicitud de expediente sigue abierta',
    line: 'Una solicitud de expediente médico de uno de sus casos todavía espera los documentos. Una llamada corta a quien los tiene puede ayudar.',
  },
  RECORD_TARGET_SOON: { subject: 'Una solicitud de expediente vence pronto', line: 'Una solicitud de expediente médico de uno de sus casos llega pronto a su fecha prevista.' },
  RECORD_TARGET_DUE: { subject: 'Una solicitud de expediente necesita atención', line: 'Una solicitud de expediente médico de uno de sus casos llegó a su fecha prevista.' },
  RECORD_LEGAL_SOON: { subject: 'Una solicitud se acerca a su plazo legal', line: 'Una solicitud de expediente médico de uno de sus casos está cerca de su plazo legal.' },
  RECORD_LEGAL_DUE: { subject: 'Una solicitud llega hoy a su plazo legal', line: 'Una solicitud de expediente médico de uno de sus casos llega hoy a su plazo legal.' },
  RECORD_LEGAL_OVERDUE: {
    subject: 'Una solicitud ya pasó su plazo legal',
    line: 'Una solicitud de expediente médico de uno de sus casos ya pasó su plazo legal. Es momento de insistir por escrito. En el caso hay una carta de seguimiento lista para descargar.',
  },
  APPOINTMENT_SOON: {
    subject: 'Su cita se acerca',
    line: 'Faltan pocos días para su cita. Le conviene llevar su expediente médico y su lista de preguntas; encontrará las dos cosas en su caso.',
  },
  APPOINTMENT_DAY_BEFORE: { subject: 'Su cita es muy pronto', line: 'Su cita es muy pronto. Tenga listos su expediente médico y sus preguntas para llevarlos.' },
  APPOINTMENT_RECORD_OPINION: { subject: '¿Cómo le fue en la cita?', line: 'Cuando pueda, anote lo que le dijo el médico, para comparar las dos opiniones lado a lado.' },
  APPOINTMENT_BOOK_FOLLOW_UP: { subject: 'Es hora de pedir la cita de seguimiento', line: 'Un buen paso ahora es ver a su médico actual para contarle lo que encontró la segunda opinión.' },
  INSURANCE_VERIFY_COVERAGE: {
    subject: 'Falta confirmar la cobertura antes de una cita',
    line: 'Una cita de uno de sus casos es en más o menos una semana, y todavía no se ha confirmado la cobertura del seguro médico.',
  },
  INSURANCE_PRE_AUTH_EXPIRES: {
    subject: 'Una autorización previa vence antes de la cita',
    line: 'En uno de sus casos, la autorización previa vence antes de la fecha de la cita. Puede que haya que extenderla.',
  },
  INSURANCE_REVERIFY_COVERAGE: {
    subject: 'Una cita cambió de fecha: revise la cobertura',
    line: 'Una cita de uno de sus casos tiene una fecha nueva. Confirme con el plan que la cobertura sigue vigente.',
  },
  TASK_REMINDER: { subject: 'Se acerca la fecha de una tarea', line: 'Una tarea de uno de sus casos vence pronto. Abra el caso para verla y márquela cuando esté hecha.' },
} satisfies ReminderEmailWords;

/** The bell's sentence, for before and after its date (`_past`), by the kind's key in the web client's words (reminder-words-en.ts says which). */
export const REMINDER_BELL_ES = {
  TARGET_SOON: 'El expediente de este caso debe llegar {{when}}. Una llamada corta y amable ahora puede ayudar a que las cosas avancen.',
  TARGET_SOON_past: 'El expediente de este caso debía llegar {{when}}. Si no ha llegado, un seguimiento amable es un buen siguiente paso.',
  TARGET_DUE: 'El expediente de este caso debe llegar {{when}}. Si no ha llegado, un seguimiento amable es un buen siguiente paso.',
  TARGET_DUE_past: 'El expediente de este caso debía llegar {{when}}. Si no ha llegado, un seguimiento amable es un buen siguiente paso.',
  LEGAL_SOON: 'La fecha límite legal de una solicitud de expediente es {{when}}. Es buen momento para llamar a quien lo tiene.',
  LEGAL_SOON_past: 'La fecha límite legal de una solicitud de expediente fue {{when}}. Si el expediente no ha llegado, es momento de hacer el seguimiento por escrito.',
  LEGAL_DUE: 'La fecha límite legal de una solicitud de expediente es {{when}}. Si el expediente no ha llegado, haga el seguimiento con quien lo tiene.',
  LEGAL_DUE_past: 'La fecha límite legal de una solicitud de expediente fue {{when}}. Si el expediente no ha llegado, es momento de hacer el seguimiento por escrito.',
  LEGAL_OVERDUE: 'Ya pasó la fecha límite legal de una solicitud de expediente: es momento de hacer el seguimiento por escrito. En la solicitud hay una carta de seguimiento lista para descargar.',
  LEGAL_OVERDUE_past:
    'Ya pasó la fecha límite legal de una solicitud de expediente: es momento de hacer el seguimiento por escrito. En la solicitud hay una carta de seguimiento lista para descargar.',
  SENT_DAY: 'Una solicitud de expediente de este caso todavía espera respuesta. Una llamada corta a quien lo tiene puede ayudar.',
  SENT_DAY_past: 'Una solicitud de expediente de este caso todavía espera respuesta. Una llamada corta a quien lo tiene puede ayudar.',
  APPOINTMENT_SOON: 'Su cita es {{when}}. Lleve su expediente médico y sus preguntas: los dos están listos para usted en este caso.',
  APPOINTMENT_SOON_past: 'La cita fue {{when}}.',
  APPOINTMENT_DAY_BEFORE: 'Su cita es {{when}}. Lleve su expediente médico y sus preguntas; repasarlos esta noche le puede ayudar a sentirse listo.',
  APPOINTMENT_DAY_BEFORE_past: 'La cita fue {{when}}.',
  APPOINTMENT_RECORD_OPINION: 'La cita es {{when}}. Después, escriba lo que dijo el médico mientras lo tiene fresco, para poder comparar las opiniones.',
  APPOINTMENT_RECORD_OPINION_past: 'La cita fue {{when}}. Cuando esté listo, escriba lo que dijo el médico, para poder comparar las opiniones una al lado de la otra.',
  APPOINTMENT_BOOK_FOLLOW_UP: 'Después de la cita {{when}}, un buen siguiente paso es una cita de seguimiento con su médico de ahora.',
  APPOINTMENT_BOOK_FOLLOW_UP_past: 'La cita fue {{when}}. Un buen siguiente paso es hacer una cita de seguimiento con su médico de ahora para contarle lo que supo.',
  INSURANCE_VERIFY_COVERAGE: 'La cita es {{when}} y todavía no se ha confirmado el seguro médico. Una llamada al plan ahora puede evitar una factura inesperada.',
  INSURANCE_VERIFY_COVERAGE_past: 'La cita fue {{when}} y no se confirmó el seguro médico.',
  INSURANCE_PRE_AUTH_EXPIRES: 'La autorización previa vence {{when}}, antes de la cita. Pida al plan que la extienda o que dé una nueva.',
  INSURANCE_PRE_AUTH_EXPIRES_past: 'La autorización previa venció {{when}}, antes de la cita. Pida al plan que la extienda o que dé una nueva.',
  INSURANCE_REVERIFY_COVERAGE: 'La cita se cambió para {{when}}. Por favor, confirme con el plan que la cobertura sigue valiendo para la nueva fecha.',
  INSURANCE_REVERIFY_COVERAGE_past: 'La cita se cambió para {{when}}. Por favor, confirme con el plan que la cobertura valía para esa fecha.',
  TASK_REMINDER: 'Una tarea de este caso vence {{when}}.',
  TASK_REMINDER_past: 'Una tarea de este caso vencía {{when}}.',
} satisfies ReminderBellSentences;
