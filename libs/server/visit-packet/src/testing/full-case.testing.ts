import {
  AppointmentMode,
  calendarDate,
  CaseTrigger,
  InsuranceOutcome,
  InsurancePlanType,
  Language,
  OwnTimelineKind,
  OwnTimelineSeverity,
  PacketItemKind,
  PacketItemState,
  StarterQuestion,
  STARTER_QUESTION_ORDER,
  starterQuestionText,
  VisitPacketInput,
} from '@second-look/domain';

/**
 * For tests and the benchmark: a realistic full case the week before the visit, with 12
 * questions, 8 packet items, a long timeline, a checked plan and a booked visit.
 */
export const INTERNAL_NOTE = 'Staff only: patient sounded hesitant about cost, call before Friday';

const OWN_QUESTIONS: Record<Language, string[]> = {
  en: [
    'Can the surgery wait until after my daughter’s wedding in March?',
    'Would radiation alone be enough for a tumor this size?',
    'How many of these operations does your team do each year?',
    'What would recovery look like for someone who works on their feet?',
    'Should my sister be tested for the same gene?',
  ],
  es: [
    '¿Puede esperar la cirugía hasta después de la boda de mi hija en marzo?',
    '¿Bastaría la radiación sola para un tumor de este tamaño?',
    '¿Cuántas de estas operaciones hace su equipo cada año?',
    '¿Cómo sería la recuperación para alguien que trabaja de pie?',
    '¿Debería hacerse la prueba del mismo gen mi hermana?',
  ],
};

export function fullCaseInput(language: Language, opts: { questions?: number; timeline?: number } = {}): VisitPacketInput {
  const starters = STARTER_QUESTION_ORDER.map((s: StarterQuestion) => starterQuestionText(s, language));
  const questions = [...starters, ...OWN_QUESTIONS[language]];
  while (questions.length < (opts.questions ?? 12)) questions.push(`${OWN_QUESTIONS[language][questions.length % 5]} (${questions.length + 1})`);
  const entries = opts.timeline ?? 11;
  const timeline = Array.from({ length: entries }, (_, i) => ({
    // Oldest first, a month apart, the last of them in 2026.
    occurredOn: calendarDate(2026 - Math.floor((entries - 1 - i) / 11), 1 + (i % 11), 3 + (i % 25)),
    kind: i % 3 === 1 ? OwnTimelineKind.TREATMENT : OwnTimelineKind.SYMPTOM,
    what:
      i % 3 === 1
        ? language === 'es'
          ? 'Empecé tamoxifeno; náuseas la primera semana'
          : 'Started tamoxifen; nausea the first week'
        : language === 'es'
          ? 'Dolor en el pecho izquierdo al levantar peso'
          : 'Pain in the left breast when lifting',
    severity: i % 3 === 2 ? OwnTimelineSeverity.SEVERE : i % 3 === 0 ? OwnTimelineSeverity.MODERATE : null,
  }));
  const item = (kind: PacketItemKind, title: string, state: PacketItemState, days: { req?: number; rec?: number; sent?: number } = {}) => ({
    kind,
    title,
    state,
    requestedOn: days.req ? calendarDate(2026, 11, days.req) : null,
    receivedOn: days.rec ? calendarDate(2026, 11, days.rec) : null,
    sentOn: days.sent ? calendarDate(2026, 11, days.sent) : null,
  });
  return {
    language,
    organizationName: 'Harbor Patient Advocates',
    preparedOn: calendarDate(2026, 12, 1),
    patient: { name: 'María José Núñez Güell', dateOfBirth: calendarDate(1971, 3, 2), preferredLanguage: language },
    question:
      language === 'es'
        ? '¿Es la mastectomía de verdad la mejor opción, o una cirugía que conserve el seno con radiación daría el mismo resultado?'
        : 'Is a mastectomy truly the best option, or would breast-conserving surgery with radiation give the same result?',
    triggers: [CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.RISKY_TREATMENT, CaseTrigger.CONFLICTING_INFORMATION],
    diagnosisInDoubt: 'Invasive ductal carcinoma, left breast, stage IIA',
    currentOpinion: {
      providerName: 'Dr. Alan Whitfield, Lakeside Medical Center',
      givenOn: calendarDate(2026, 10, 20),
      diagnosis: 'Invasive ductal carcinoma, left breast, stage IIA (T2 N0)',
      plan: 'Left mastectomy within four weeks, then hormone therapy for five years',
    },
    timeline,
    packet: [
      item(PacketItemKind.IMAGING_DISC, 'Mammogram and MRI, October', PacketItemState.SENT_TO_PROVIDER, { req: 2, rec: 9, sent: 12 }),
      item(PacketItemKind.PATHOLOGY_SLIDES, 'Core biopsy slides', PacketItemState.RECEIVED, { req: 2, rec: 16 }),
      item(PacketItemKind.PATHOLOGY_REPORT, '', PacketItemState.SENT_TO_PROVIDER, { req: 2, rec: 9, sent: 12 }),
      item(PacketItemKind.LABS, 'Blood work, November', PacketItemState.REQUESTED, { req: 18 }),
      item(PacketItemKind.CLINIC_NOTES, 'Breast surgery consult', PacketItemState.SENT_TO_PROVIDER, { req: 2, rec: 6, sent: 12 }),
      item(PacketItemKind.PROCEDURE_REPORT, 'Biopsy procedure note', PacketItemState.NEEDED),
      item(PacketItemKind.OWN_TIMELINE, '', PacketItemState.SENT_TO_PROVIDER, { sent: 20 }),
      item(PacketItemKind.MEDICATIONS_ALLERGIES, '', PacketItemState.NOT_AVAILABLE),
    ],
    appointment: {
      providerName: 'Dr. Priya Raman, Northwestern Breast Center',
      specialty: 'Breast surgical oncology',
      startsAt: new Date('2026-12-08T15:30:00Z'),
      timeZone: 'America/Chicago',
      mode: AppointmentMode.IN_PERSON,
      place: '675 N St Clair St, Galter Pavilion, 13th floor, Chicago, IL 60611',
      videoLink: '',
      bringNotes: language === 'es' ? 'La tarjeta del seguro y la lista de medicinas' : 'Insurance card and the list of medicines',
      cancelled: false,
    },
    insurance: {
      payer: 'Blue Cross Blue Shield of Illinois',
      planType: InsurancePlanType.COMMERCIAL,
      memberId: 'XOH123456789',
      latestCall: {
        calledOn: calendarDate(2026, 11, 24),
        referenceNumber: 'REF-20261124-0042',
        outcome: InsuranceOutcome.NEEDS_PRE_AUTHORISATION,
        preAuthRequired: true,
        preAuthNumber: 'PA-778812',
        preAuthValidFrom: calendarDate(2026, 11, 25),
        preAuthValidTo: calendarDate(2027, 2, 25),
        referringDoctorMustRequest: false,
      },
    },
    questions: questions.slice(0, opts.questions ?? 12),
  };
}
