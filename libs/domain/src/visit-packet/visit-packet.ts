import { AppointmentMode } from '../appointments/appointment';
import { OwnTimelineKind, OwnTimelineSeverity } from '../appointments/own-timeline';
import { CaseTrigger } from '../cases/trigger';
import type { CalendarDate } from '../dates/calendar-date';
import { INTL_LOCALE, type Language } from '../i18n/language';
import { InsuranceOutcome, InsurancePlanType } from '../insurance/insurance-check';
import { PACKET_ITEM_KIND_ORDER, PacketItemKind, PacketItemState } from '../records/packet';
import { formatLetterDate } from '../records/request-letter';
import { VISIT_PACKET_WORDS } from './visit-packet-words';

/*
 * The appointment-ready packet (docs/visit-packet.md): one or two printed pages the patient takes
 * to the second-opinion visit. This file decides what it says, in the patient's language, from
 * plain data the server read through the caller's scope; the server lays it out as a PDF. It is
 * built only from what the patient may read: no staff-only field is part of the input at all.
 */

export interface VisitPacketInput {
  readonly language: Language;
  readonly organizationName: string;
  readonly preparedOn: CalendarDate;
  readonly patient: { readonly name: string; readonly dateOfBirth: CalendarDate | null; readonly preferredLanguage: Language };
  readonly question: string;
  readonly triggers: readonly CaseTrigger[];
  readonly diagnosisInDoubt: string;
  /** The current doctor's opinion (opinion 1), when written down: its diagnosis and plan. */
  readonly currentOpinion: { readonly providerName: string; readonly givenOn: CalendarDate; readonly diagnosis: string; readonly plan: string } | null;
  /** The patient's own timeline, oldest first. */
  readonly timeline: readonly { readonly occurredOn: CalendarDate; readonly kind: OwnTimelineKind; readonly what: string; readonly severity: OwnTimelineSeverity | null }[];
  readonly packet: readonly VisitPacketItem[];
  readonly appointment: VisitPacketAppointment | null;
  readonly insurance: VisitPacketInsurance | null;
  /** Worded in the packet's language, in the patient's order. */
  readonly questions: readonly string[];
}

export interface VisitPacketItem {
  readonly kind: PacketItemKind;
  readonly title: string;
  readonly state: PacketItemState;
  /** The first request that asked for it. */
  readonly requestedOn: CalendarDate | null;
  readonly receivedOn: CalendarDate | null;
  /** The day it was marked as sent on to the provider. */
  readonly sentOn: CalendarDate | null;
}

export interface VisitPacketAppointment {
  readonly providerName: string;
  readonly specialty: string | null;
  readonly startsAt: Date;
  /** The organization's zone: the time is printed as the clinic and the patient read it. */
  readonly timeZone: string;
  readonly mode: AppointmentMode;
  readonly place: string;
  readonly videoLink: string;
  readonly bringNotes: string;
  readonly cancelled: boolean;
}

export interface VisitPacketInsurance {
  readonly payer: string;
  readonly planType: InsurancePlanType;
  readonly memberId: string;
  readonly latestCall: {
    readonly calledOn: CalendarDate;
    readonly referenceNumber: string;
    readonly outcome: InsuranceOutcome;
    readonly preAuthRequired: boolean | null;
    readonly preAuthNumber: string;
    readonly preAuthValidFrom: CalendarDate | null;
    readonly preAuthValidTo: CalendarDate | null;
    readonly referringDoctorMustRequest: boolean | null;
  } | null;
}

/** What the layout draws, in reading order. */
export type VisitPacketBlock =
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  | { readonly kind: 'list'; readonly rows: readonly { readonly text: string; readonly status: string; readonly done: boolean }[] }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'questions'; readonly intro: string; readonly answerLabel: string; readonly items: readonly string[] };

export interface VisitPacketSection {
  readonly heading: string;
  readonly blocks: readonly VisitPacketBlock[];
}

export interface VisitPacketDocument {
  readonly language: Language;
  readonly title: string;
  readonly heading: string;
  readonly subheading: string;
  readonly sections: readonly VisitPacketSection[];
  page(n: number, total: number): string;
}

/** At most this many timeline lines: the latest ones, so the packet stays on two pages. */
export const VISIT_PACKET_TIMELINE_LINES = 6;

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** "Tuesday, January 12, 2027, 9:30 AM CST" / "martes, 12 de enero de 2027, 9:30 a.m. CST". */
export function formatVisitTime(startsAt: Date, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(startsAt);
}

export function composeVisitPacket(input: VisitPacketInput): VisitPacketDocument {
  const language = input.language;
  const w = VISIT_PACKET_WORDS[language];
  const date = (d: CalendarDate): string => formatLetterDate(d, language);
  const field = (label: string, value: string) => ({ label, value: oneLine(value) || w.notRecorded });

  const patient: VisitPacketSection = {
    heading: w.patient.heading,
    blocks: [
      {
        kind: 'fields',
        rows: [
          field(w.patient.name, input.patient.name),
          ...(input.patient.dateOfBirth ? [field(w.patient.dateOfBirth, date(input.patient.dateOfBirth))] : []),
          field(w.patient.language, w.patient.languages[input.patient.preferredLanguage]),
        ],
      },
    ],
  };

  const opinion = input.currentOpinion;
  const triggers = Object.values(CaseTrigger)
    .filter((t) => input.triggers.includes(t))
    .map((t) => w.triggers[t]);
  const question: VisitPacketSection = {
    heading: w.question.heading,
    blocks: [
      {
        kind: 'fields',
        rows: [
          field(w.question.question, input.question),
          field(w.question.triggers, triggers.join(', ')),
          field(w.question.diagnosis, oneLine(opinion?.diagnosis ?? '') || input.diagnosisInDoubt),
          field(w.question.plan, oneLine(opinion?.plan ?? '') || w.question.noPlan),
        ],
      },
      ...(opinion ? [{ kind: 'note' as const, text: w.question.fromDoctor(oneLine(opinion.providerName), date(opinion.givenOn)) }] : []),
    ],
  };

  return {
    language,
    title: w.documentTitle(input.patient.name),
    heading: w.heading,
    subheading: w.prepared(date(input.preparedOn), input.organizationName),
    sections: [patient, appointmentSection(input), question, insuranceSection(input, date), timelineSection(input, date), checklistSection(input, date), questionsSection(input)],
    page: w.page,
  };
}

function appointmentSection(input: VisitPacketInput): VisitPacketSection {
  const w = VISIT_PACKET_WORDS[input.language];
  const a = input.appointment;
  if (!a) return { heading: w.appointment.heading, blocks: [{ kind: 'note', text: w.appointment.none }] };
  const rows = [
    { label: w.appointment.provider, value: oneLine(a.providerName) },
    ...(a.specialty?.trim() ? [{ label: w.appointment.specialty, value: oneLine(a.specialty) }] : []),
    { label: w.appointment.when, value: `${formatVisitTime(a.startsAt, a.timeZone, input.language)} · ${w.modes[a.mode]}` },
    ...(a.place.trim() ? [{ label: a.mode === AppointmentMode.PHONE ? w.appointment.phone : w.appointment.where, value: a.place.trim() }] : []),
    ...(a.mode === AppointmentMode.VIDEO && a.videoLink.trim() ? [{ label: w.appointment.video, value: a.videoLink.trim() }] : []),
    ...(a.bringNotes.trim() ? [{ label: w.appointment.bring, value: oneLine(a.bringNotes) }] : []),
  ];
  return { heading: w.appointment.heading, blocks: [...(a.cancelled ? [{ kind: 'note' as const, text: w.appointment.cancelled }] : []), { kind: 'fields', rows }] };
}

function insuranceSection(input: VisitPacketInput, date: (d: CalendarDate) => string): VisitPacketSection {
  const w = VISIT_PACKET_WORDS[input.language].insurance;
  const words = VISIT_PACKET_WORDS[input.language];
  const plan = input.insurance;
  if (!plan) return { heading: w.heading, blocks: [{ kind: 'note', text: w.none }] };
  const call = plan.latestCall;
  const rows = [
    { label: w.plan, value: `${oneLine(plan.payer)} (${words.planTypes[plan.planType]})` },
    ...(plan.memberId.trim() ? [{ label: w.member, value: oneLine(plan.memberId) }] : []),
    { label: w.status, value: call ? `${words.outcomes[call.outcome]}. ${w.checkedOn(date(call.calledOn), oneLine(call.referenceNumber))}.` : w.notChecked },
  ];
  if (call) {
    let preAuth = call.preAuthRequired === null ? w.preAuthUnknown : call.preAuthRequired ? '' : w.preAuthNotNeeded;
    if (call.preAuthRequired || call.preAuthNumber.trim()) {
      const validity =
        call.preAuthValidFrom && call.preAuthValidTo ? w.validBetween(date(call.preAuthValidFrom), date(call.preAuthValidTo)) : call.preAuthValidTo ? w.validUntil(date(call.preAuthValidTo)) : '';
      preAuth = [call.preAuthNumber.trim() ? w.preAuthNumber(oneLine(call.preAuthNumber)) : words.notRecorded, validity].filter(Boolean).join(', ');
    }
    rows.push({ label: w.preAuth, value: preAuth });
    rows.push({ label: w.referral, value: call.referringDoctorMustRequest === null ? w.preAuthUnknown : call.referringDoctorMustRequest ? w.referralNeeded : w.referralNotNeeded });
  }
  return { heading: w.heading, blocks: [{ kind: 'fields', rows }] };
}

function timelineSection(input: VisitPacketInput, date: (d: CalendarDate) => string): VisitPacketSection {
  const w = VISIT_PACKET_WORDS[input.language];
  if (!input.timeline.length) return { heading: w.timeline.heading, blocks: [{ kind: 'note', text: w.timeline.none }] };
  const shown = input.timeline.slice(-VISIT_PACKET_TIMELINE_LINES);
  const earlier = input.timeline.length - shown.length;
  return {
    heading: w.timeline.heading,
    blocks: [
      {
        kind: 'fields',
        rows: shown.map((e) => ({
          label: date(e.occurredOn),
          value: `${w.timelineKinds[e.kind]}${e.severity ? ` (${w.severities[e.severity]})` : ''}: ${oneLine(e.what)}`,
        })),
      },
      ...(earlier > 0 ? [{ kind: 'note' as const, text: w.timeline.earlier(earlier) }] : []),
    ],
  };
}

function checklistSection(input: VisitPacketInput, date: (d: CalendarDate) => string): VisitPacketSection {
  const w = VISIT_PACKET_WORDS[input.language];
  const c = w.checklist;
  if (!input.packet.length) return { heading: c.heading, blocks: [{ kind: 'note', text: c.none }] };
  const rank = (k: PacketItemKind): number => PACKET_ITEM_KIND_ORDER.indexOf(k);
  const status = (i: VisitPacketItem): string => {
    switch (i.state) {
      case PacketItemState.SENT_TO_PROVIDER:
        return i.sentOn ? c.sent(date(i.sentOn)) : c.sentUndated;
      case PacketItemState.RECEIVED:
        return i.receivedOn ? c.received(date(i.receivedOn)) : c.receivedUndated;
      case PacketItemState.REQUESTED:
        return i.requestedOn ? c.requested(date(i.requestedOn)) : c.missing;
      case PacketItemState.NOT_AVAILABLE:
        return c.notAvailable;
      default:
        return c.missing;
    }
  };
  const rows = [...input.packet]
    .sort((a, b) => rank(a.kind) - rank(b.kind))
    .map((i) => ({ text: i.title.trim() ? `${w.items[i.kind]}: ${oneLine(i.title)}` : w.items[i.kind], status: status(i), done: i.state === PacketItemState.SENT_TO_PROVIDER }));
  return { heading: c.heading, blocks: [{ kind: 'list', rows }] };
}

function questionsSection(input: VisitPacketInput): VisitPacketSection {
  const w = VISIT_PACKET_WORDS[input.language].questions;
  const items = input.questions.map(oneLine).filter(Boolean);
  return { heading: w.heading, blocks: items.length ? [{ kind: 'questions', intro: w.intro, answerLabel: w.answer, items }] : [{ kind: 'note', text: w.none }] };
}
