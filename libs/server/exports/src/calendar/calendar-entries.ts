import { addDays, CalendarDate, CasePhase, InsuranceOutcome, Language, planCaseTimeline, todayInZone, Urgency } from '@second-look/domain';
import { CalendarEntry } from './calendar-render';
import { CALENDAR_WORDS, initialsOf } from './calendar-words';

/** What a calendar needs of one case: read through the caller's scope, never staff-only fields. */
export interface CaseCalendarData {
  kase: { id: string; patientName: string; urgency: Urgency; createdAt: Date; closedAt: Date | null; version: number; updatedAt: Date };
  appointments: { id: string; startsAt: Date; providerName: string; place: string; videoLink: string; cancelledAt: Date | null; version: number; updatedAt: Date }[];
  requests: { id: string; holderName: string; planTargetOn: string; legalDueOn: string; completedOn: string | null; version: number; updatedAt: Date }[];
  insuranceCalls: { calledOn: string; outcome: InsuranceOutcome; preAuthValidTo: string | null; createdAt: Date }[];
  adjustments: { phase: CasePhase; targetOn: string; reason: string; createdAt: Date }[];
}

export interface EntryOptions {
  language: Language;
  zone: string;
  appUrl: string;
  /** Staff see due dates, insurance and phase targets; patients and caregivers their appointments. */
  staff: boolean;
  /** Titles name the case (by initials) in a staff feed covering many cases. */
  nameCase: boolean;
  /** A single download to one's own device may carry the place and video link; a feed does not. */
  withPlace: boolean;
}

/** An appointment lasts an hour in the calendar: the product records when it starts, not when it ends. */
export const APPOINTMENT_MINUTES = 60;
const HOST = 'second-look';

const latest = (a: Date, ...rest: Date[]) => rest.reduce((m, d) => (d > m ? d : m), a);

/**
 * The calendar events of one case for one reader. UIDs are stable per thing and kind; SEQUENCE
 * is derived from version columns that only grow (the row's and the case's, which moves on a
 * close or reopen), so any change raises it. Due dates of a closed case or a finished request
 * stay in the feed as cancelled rather than vanishing.
 */
export function caseCalendarEntries(d: CaseCalendarData, o: EntryOptions): CalendarEntry[] {
  const w = CALENDAR_WORDS[o.language];
  const caseUrl = `${o.appUrl}/cases/${d.kase.id}`;
  const initials = initialsOf(d.kase.patientName);
  const title = (t: string) => (o.nameCase ? w.forCase(t, initials) : t);
  const closed = d.kase.closedAt !== null;
  const caseSeq = d.kase.version - 1;
  const out: CalendarEntry[] = [];

  for (const a of d.appointments) {
    const extra = o.withPlace ? [a.place ? w.where(a.place) : '', a.videoLink ? w.video(a.videoLink) : ''].filter(Boolean) : [];
    out.push({
      uid: `appointment-${a.id}@${HOST}`,
      sequence: a.version - 1 + caseSeq,
      stamp: latest(a.updatedAt, d.kase.updatedAt),
      title: title(w.appointment(a.providerName)),
      description: [...extra, w.openInApp(caseUrl)].join('\n'),
      url: caseUrl,
      cancelled: a.cancelledAt !== null,
      when: { kind: 'timed', start: a.startsAt, end: new Date(a.startsAt.getTime() + APPOINTMENT_MINUTES * 60_000) },
      location: o.withPlace ? a.place || a.videoLink || undefined : undefined,
      alarm: w.appointmentAlarm,
    });
  }
  if (!o.staff) return out;

  const due = (uid: string, on: string, t: string, seq: number, stamp: Date, cancelled: boolean): CalendarEntry => ({
    uid: `${uid}@${HOST}`,
    sequence: seq + caseSeq,
    stamp: latest(stamp, d.kase.updatedAt),
    title: title(t),
    description: w.openInApp(caseUrl),
    url: caseUrl,
    cancelled: cancelled || closed,
    when: { kind: 'allDay', on: on as CalendarDate },
  });

  for (const r of d.requests) {
    const done = r.completedOn !== null;
    out.push(due(`request-target-${r.id}`, r.planTargetOn, w.planTarget(r.holderName), r.version - 1, r.updatedAt, done));
    out.push(due(`request-legal-${r.id}`, r.legalDueOn, w.legalDue(r.holderName), r.version - 1, r.updatedAt, done));
  }

  const calls = [...d.insuranceCalls].sort((a, b) => (a.calledOn === b.calledOn ? a.createdAt.getTime() - b.createdAt.getTime() : a.calledOn < b.calledOn ? -1 : 1));
  const last = calls[calls.length - 1];
  const callStamp = last?.createdAt ?? d.kase.createdAt;
  if (last?.preAuthValidTo) out.push(due(`preauth-${d.kase.id}`, last.preAuthValidTo, w.preAuthEnds, calls.length, callStamp, false));
  // Coverage is checked again a week before the booked visit (the latest one not canceled) while the check is not verified.
  const booked = d.appointments
    .filter((a) => !a.cancelledAt)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .at(-1);
  if (booked && last?.outcome !== InsuranceOutcome.VERIFIED) {
    out.push(due(`coverage-recheck-${d.kase.id}`, addDays(todayInZone(booked.startsAt, o.zone), -7), w.coverageRecheck, calls.length + booked.version - 1, latest(callStamp, booked.updatedAt), false));
  }

  const plan = planCaseTimeline(
    todayInZone(d.kase.createdAt, o.zone),
    d.kase.urgency,
    d.adjustments.map((a) => ({ phase: a.phase, targetOn: a.targetOn as CalendarDate, reason: a.reason })),
  );
  for (const p of plan.phases) {
    const moved = d.adjustments.filter((a) => a.phase === p.phase);
    const stamp = moved.at(-1)?.createdAt ?? d.kase.createdAt;
    out.push(due(`phase-${p.phase.toLowerCase()}-${d.kase.id}`, p.targetOn, w.phaseTarget[p.phase], moved.length, stamp, false));
  }
  return out;
}
