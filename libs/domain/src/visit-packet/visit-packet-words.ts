import { AppointmentMode } from '../appointments/appointment';
import { OwnTimelineKind, OwnTimelineSeverity } from '../appointments/own-timeline';
import { CaseTrigger } from '../cases/trigger';
import type { Language } from '../i18n/language';
import { InsuranceOutcome, InsurancePlanType } from '../insurance/insurance-check';
import { PacketItemKind } from '../records/packet';

/*
 * The words of the visit packet (visit-packet.ts), in the patient's preferred language. Plain,
 * calm words a patient reads in a waiting room and a clinic's front desk reads at a glance.
 * The enum labels say the same as the web client's (libs/web/i18n/src/locales).
 */

export interface VisitPacketWords {
  documentTitle(name: string): string;
  heading: string;
  prepared(date: string, organization: string): string;
  page(n: number, total: number): string;
  notRecorded: string;
  readonly patient: { heading: string; name: string; dateOfBirth: string; language: string; languages: Readonly<Record<Language, string>> };
  readonly question: { heading: string; question: string; triggers: string; diagnosis: string; plan: string; fromDoctor(name: string, date: string): string; noPlan: string };
  readonly triggers: Readonly<Record<CaseTrigger, string>>;
  readonly appointment: { heading: string; none: string; provider: string; specialty: string; when: string; where: string; video: string; phone: string; bring: string; cancelled: string };
  readonly modes: Readonly<Record<AppointmentMode, string>>;
  readonly insurance: {
    heading: string;
    none: string;
    plan: string;
    member: string;
    status: string;
    notChecked: string;
    checkedOn(date: string, reference: string): string;
    preAuth: string;
    preAuthNotNeeded: string;
    preAuthUnknown: string;
    preAuthNumber(number: string): string;
    validBetween(from: string, to: string): string;
    validUntil(to: string): string;
    referral: string;
    referralNeeded: string;
    referralNotNeeded: string;
  };
  readonly outcomes: Readonly<Record<InsuranceOutcome, string>>;
  readonly planTypes: Readonly<Record<InsurancePlanType, string>>;
  readonly timeline: { heading: string; none: string; earlier(n: number): string };
  readonly timelineKinds: Readonly<Record<OwnTimelineKind, string>>;
  readonly severities: Readonly<Record<OwnTimelineSeverity, string>>;
  readonly checklist: {
    heading: string;
    none: string;
    sent(date: string): string;
    sentUndated: string;
    received(date: string): string;
    receivedUndated: string;
    requested(date: string): string;
    missing: string;
    notAvailable: string;
  };
  readonly items: Readonly<Record<PacketItemKind, string>>;
  readonly questions: { heading: string; intro: string; none: string; answer: string };
}

const en: VisitPacketWords = {
  documentTitle: (name) => `Visit packet: ${name}`,
  heading: 'My second-opinion visit',
  prepared: (date, org) => `Prepared ${date} with ${org}`,
  page: (n, total) => `Page ${n} of ${total}`,
  notRecorded: 'Not written down yet',
  patient: { heading: 'Patient', name: 'Name', dateOfBirth: 'Date of birth', language: 'Preferred language', languages: { en: 'English', es: 'Spanish' } },
  question: {
    heading: 'What I want to learn',
    question: 'My question',
    triggers: 'Why a second opinion',
    diagnosis: 'Current diagnosis',
    plan: 'Proposed treatment',
    fromDoctor: (name, date) => `As written down from ${name}, ${date}`,
    noPlan: 'No treatment plan written down yet',
  },
  triggers: {
    [CaseTrigger.MAJOR_DIAGNOSIS]: 'Major diagnosis',
    [CaseTrigger.RISKY_TREATMENT]: 'Risky or invasive treatment',
    [CaseTrigger.UNCERTAIN_DIAGNOSIS]: 'Uncertain diagnosis',
    [CaseTrigger.NO_IMPROVEMENT]: 'No improvement',
    [CaseTrigger.RARE_CONDITION]: 'Rare or complex condition',
    [CaseTrigger.FEELS_UNHEARD]: 'Feeling unheard',
    [CaseTrigger.CONFLICTING_INFORMATION]: 'Conflicting information',
    [CaseTrigger.PERSISTENT_DOUBT]: 'Doubt that stays',
  },
  appointment: {
    heading: 'The appointment',
    none: 'No appointment is booked yet.',
    provider: 'Provider',
    specialty: 'Specialty',
    when: 'Date and time',
    where: 'Where',
    video: 'Video link',
    phone: 'Phone',
    bring: 'Also bring',
    cancelled: 'This appointment was canceled.',
  },
  modes: { [AppointmentMode.IN_PERSON]: 'In person', [AppointmentMode.VIDEO]: 'Video visit', [AppointmentMode.PHONE]: 'Phone call' },
  insurance: {
    heading: 'Insurance',
    none: 'No insurance plan is on file yet.',
    plan: 'Plan',
    member: 'Member ID',
    status: 'Coverage',
    notChecked: 'Not checked with the plan yet',
    checkedOn: (date, ref) => (ref ? `Checked with the plan on ${date}, reference ${ref}` : `Checked with the plan on ${date}`),
    preAuth: 'Prior authorization',
    preAuthNotNeeded: 'Not needed',
    preAuthUnknown: 'Not known yet',
    preAuthNumber: (n) => `Number ${n}`,
    validBetween: (from, to) => `valid ${from} to ${to}`,
    validUntil: (to) => `valid until ${to}`,
    referral: 'Referral from my doctor',
    referralNeeded: 'Needed',
    referralNotNeeded: 'Not needed',
  },
  outcomes: {
    [InsuranceOutcome.VERIFIED]: 'Verified: covered',
    [InsuranceOutcome.NEEDS_PRE_AUTHORISATION]: 'Covered with prior authorization',
    [InsuranceOutcome.NEEDS_REFERRAL]: 'Covered with a referral',
    [InsuranceOutcome.NOT_COVERED]: 'Not covered',
  },
  planTypes: {
    [InsurancePlanType.MEDICARE]: 'Medicare',
    [InsurancePlanType.MEDICARE_ADVANTAGE]: 'Medicare Advantage',
    [InsurancePlanType.MEDICAID]: 'Medicaid',
    [InsurancePlanType.COMMERCIAL]: 'Private plan',
    [InsurancePlanType.OTHER]: 'Other plan',
  },
  timeline: {
    heading: 'Key dates from my own timeline',
    none: 'No dates written down yet.',
    earlier: (n) => (n === 1 ? '1 earlier entry is in Second Look.' : `${n} earlier entries are in Second Look.`),
  },
  timelineKinds: { [OwnTimelineKind.SYMPTOM]: 'Symptom', [OwnTimelineKind.TREATMENT]: 'Treatment', [OwnTimelineKind.OTHER]: 'Note' },
  severities: { [OwnTimelineSeverity.MILD]: 'mild', [OwnTimelineSeverity.MODERATE]: 'moderate', [OwnTimelineSeverity.SEVERE]: 'severe' },
  checklist: {
    heading: 'My records for the provider',
    none: 'No records are listed yet.',
    sent: (d) => `Sent to the provider ${d}`,
    sentUndated: 'Sent to the provider',
    received: (d) => `Received ${d}, not sent on yet`,
    receivedUndated: 'Received, not sent on yet',
    requested: (d) => `Missing: asked for ${d}`,
    missing: 'Missing: not asked for yet',
    notAvailable: 'Not available',
  },
  items: {
    [PacketItemKind.IMAGING_DISC]: 'Imaging (the images on disc)',
    [PacketItemKind.PATHOLOGY_SLIDES]: 'Pathology slides',
    [PacketItemKind.PATHOLOGY_REPORT]: 'Pathology report',
    [PacketItemKind.LABS]: 'Lab results',
    [PacketItemKind.CLINIC_NOTES]: 'Clinic notes (diagnosis and plan)',
    [PacketItemKind.PROCEDURE_REPORT]: 'Surgery or procedure report',
    [PacketItemKind.OWN_TIMELINE]: 'My own timeline',
    [PacketItemKind.MEDICATIONS_ALLERGIES]: 'Medications and allergies',
    [PacketItemKind.OTHER]: 'Other',
  },
  questions: { heading: 'My questions', intro: 'In the order I want to ask them. Write the answers in the space below each one.', none: 'No questions written down yet.', answer: 'Answer' },
};

const es: VisitPacketWords = {
  documentTitle: (name) => `Paquete para la cita: ${name}`,
  heading: 'Mi cita de segunda opinión',
  prepared: (date, org) => `Preparado el ${date} con ${org}`,
  page: (n, total) => `Página ${n} de ${total}`,
  notRecorded: 'Todavía no está anotado',
  patient: { heading: 'Paciente', name: 'Nombre', dateOfBirth: 'Fecha de nacimiento', language: 'Idioma preferido', languages: { en: 'Inglés', es: 'Español' } },
  question: {
    heading: 'Lo que quiero saber',
    question: 'Mi pregunta',
    triggers: 'Por qué una segunda opinión',
    diagnosis: 'Diagnóstico de ahora',
    plan: 'Tratamiento propuesto',
    fromDoctor: (name, date) => `Según lo que anotamos de ${name}, ${date}`,
    noPlan: 'Todavía no hay un plan de tratamiento anotado',
  },
  triggers: {
    [CaseTrigger.MAJOR_DIAGNOSIS]: 'Diagnóstico grave',
    [CaseTrigger.RISKY_TREATMENT]: 'Tratamiento riesgoso o invasivo',
    [CaseTrigger.UNCERTAIN_DIAGNOSIS]: 'Diagnóstico poco claro',
    [CaseTrigger.NO_IMPROVEMENT]: 'No hay mejoría',
    [CaseTrigger.RARE_CONDITION]: 'Enfermedad rara o compleja',
    [CaseTrigger.FEELS_UNHEARD]: 'No se siente escuchado',
    [CaseTrigger.CONFLICTING_INFORMATION]: 'Información que se contradice',
    [CaseTrigger.PERSISTENT_DOUBT]: 'La duda no se va',
  },
  appointment: {
    heading: 'La cita',
    none: 'Todavía no hay una cita.',
    provider: 'Proveedor',
    specialty: 'Especialidad',
    when: 'Fecha y hora',
    where: 'Dónde',
    video: 'Enlace de video',
    phone: 'Teléfono',
    bring: 'Lleve también',
    cancelled: 'Esta cita se canceló.',
  },
  modes: { [AppointmentMode.IN_PERSON]: 'En persona', [AppointmentMode.VIDEO]: 'Cita por video', [AppointmentMode.PHONE]: 'Llamada' },
  insurance: {
    heading: 'Seguro médico',
    none: 'Todavía no hay un plan de seguro anotado.',
    plan: 'Plan',
    member: 'Número de miembro',
    status: 'Cobertura',
    notChecked: 'Todavía no se confirmó con el plan',
    checkedOn: (date, ref) => (ref ? `Confirmado con el plan el ${date}, referencia ${ref}` : `Confirmado con el plan el ${date}`),
    preAuth: 'Autorización previa',
    preAuthNotNeeded: 'No hace falta',
    preAuthUnknown: 'Todavía no se sabe',
    preAuthNumber: (n) => `Número ${n}`,
    validBetween: (from, to) => `válida del ${from} al ${to}`,
    validUntil: (to) => `válida hasta el ${to}`,
    referral: 'Referido de mi médico',
    referralNeeded: 'Hace falta',
    referralNotNeeded: 'No hace falta',
  },
  outcomes: {
    [InsuranceOutcome.VERIFIED]: 'Confirmado: lo cubre',
    [InsuranceOutcome.NEEDS_PRE_AUTHORISATION]: 'Lo cubre con autorización previa',
    [InsuranceOutcome.NEEDS_REFERRAL]: 'Lo cubre con un referido',
    [InsuranceOutcome.NOT_COVERED]: 'No lo cubre',
  },
  planTypes: {
    [InsurancePlanType.MEDICARE]: 'Medicare',
    [InsurancePlanType.MEDICARE_ADVANTAGE]: 'Medicare Advantage',
    [InsurancePlanType.MEDICAID]: 'Medicaid',
    [InsurancePlanType.COMMERCIAL]: 'Plan privado',
    [InsurancePlanType.OTHER]: 'Otro plan',
  },
  timeline: {
    heading: 'Fechas importantes de mi historia',
    none: 'Todavía no hay fechas anotadas.',
    earlier: (n) => (n === 1 ? 'Hay 1 fecha anterior en Second Look.' : `Hay ${n} fechas anteriores en Second Look.`),
  },
  timelineKinds: { [OwnTimelineKind.SYMPTOM]: 'Síntoma', [OwnTimelineKind.TREATMENT]: 'Tratamiento', [OwnTimelineKind.OTHER]: 'Nota' },
  severities: { [OwnTimelineSeverity.MILD]: 'leve', [OwnTimelineSeverity.MODERATE]: 'moderado', [OwnTimelineSeverity.SEVERE]: 'fuerte' },
  checklist: {
    heading: 'Mis expedientes para el proveedor',
    none: 'Todavía no hay expedientes en la lista.',
    sent: (d) => `Enviado al proveedor el ${d}`,
    sentUndated: 'Enviado al proveedor',
    received: (d) => `Recibido el ${d}, falta enviarlo`,
    receivedUndated: 'Recibido, falta enviarlo',
    requested: (d) => `Falta: se pidió el ${d}`,
    missing: 'Falta: todavía no se pidió',
    notAvailable: 'No disponible',
  },
  items: {
    [PacketItemKind.IMAGING_DISC]: 'Estudios de imagen (las imágenes en disco)',
    [PacketItemKind.PATHOLOGY_SLIDES]: 'Laminillas de patología',
    [PacketItemKind.PATHOLOGY_REPORT]: 'Informe de patología',
    [PacketItemKind.LABS]: 'Resultados de laboratorio',
    [PacketItemKind.CLINIC_NOTES]: 'Notas de consulta (diagnóstico y plan)',
    [PacketItemKind.PROCEDURE_REPORT]: 'Informe de cirugía o procedimiento',
    [PacketItemKind.OWN_TIMELINE]: 'Mi propia historia',
    [PacketItemKind.MEDICATIONS_ALLERGIES]: 'Medicinas y alergias',
    [PacketItemKind.OTHER]: 'Otro',
  },
  questions: {
    heading: 'Mis preguntas',
    intro: 'En el orden en que las quiero hacer. Escriba las respuestas en el espacio debajo de cada una.',
    none: 'Todavía no hay preguntas anotadas.',
    answer: 'Respuesta',
  },
};

export const VISIT_PACKET_WORDS: Readonly<Record<Language, VisitPacketWords>> = { en, es };
