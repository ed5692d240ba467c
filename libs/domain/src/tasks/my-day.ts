import { CaseStage } from '../cases/case-stage';
import { CalendarDate, addDays, daysBetween } from '../dates/calendar-date';

/*
 * My day (docs/domain.md, "My day"): what is overdue or due today across a staff member's
 * cases, each with the one action it needs; and, for the patient, "What to do next".
 */

export enum MyDayItemKind {
  /** A record request past its plan target or its legal date (or due today). */
  RECORD_REQUEST = 'RECORD_REQUEST',
  TASK = 'TASK',
  /** A visit in the next 7 days and no questions written down for it yet. */
  VISIT_UNPREPARED = 'VISIT_UNPREPARED',
  /** A visit in the next 7 days and the insurance not verified. */
  INSURANCE_PENDING = 'INSURANCE_PENDING',
  /** Someone mentioned me in a comment and I have not read it. */
  MENTION = 'MENTION',
}

export enum MyDayUrgency {
  OVERDUE = 'OVERDUE',
  TODAY = 'TODAY',
  THIS_WEEK = 'THIS_WEEK',
}

/** How far ahead visits are looked at. */
export const MY_DAY_VISIT_DAYS = 7;

/** Overdue, today, or null when the date is still ahead (or there is none). */
export function dueUrgency(on: CalendarDate | null, today: CalendarDate): MyDayUrgency | null {
  if (!on) return null;
  const days = daysBetween(today, on);
  if (days < 0) return MyDayUrgency.OVERDUE;
  return days === 0 ? MyDayUrgency.TODAY : null;
}

/** Which clock of a record request makes it due: the legal date weighs more than the plan target. */
export enum RecordClock {
  LEGAL = 'LEGAL',
  PLAN = 'PLAN',
}

export function recordRequestDue(
  r: { planTargetOn: CalendarDate; legalDueOn: CalendarDate; completedOn: CalendarDate | null },
  today: CalendarDate,
): { clock: RecordClock; on: CalendarDate; urgency: MyDayUrgency } | null {
  if (r.completedOn) return null;
  const legal = dueUrgency(r.legalDueOn, today);
  if (legal) return { clock: RecordClock.LEGAL, on: r.legalDueOn, urgency: legal };
  const plan = dueUrgency(r.planTargetOn, today);
  return plan ? { clock: RecordClock.PLAN, on: r.planTargetOn, urgency: plan } : null;
}

/** A visit within the next `MY_DAY_VISIT_DAYS` days (today included) is close enough to prepare for now. */
export function visitThisWeek(visitOn: CalendarDate, today: CalendarDate): boolean {
  return visitOn >= today && visitOn <= addDays(today, MY_DAY_VISIT_DAYS);
}

const URGENCY_ORDER: Record<MyDayUrgency, number> = { [MyDayUrgency.OVERDUE]: 0, [MyDayUrgency.TODAY]: 1, [MyDayUrgency.THIS_WEEK]: 2 };

/** Overdue first, then today, then this week; within each, the earliest date first. */
export function sortMyDay<T extends { urgency: MyDayUrgency; on: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * The patient's "What to do next": one plain step for the stage their case is in, which the
 * client words from the stage guide (the steps are keyed by stage).
 */
export enum PatientNextStep {
  THINK_ABOUT_QUESTION = 'THINK_ABOUT_QUESTION',
  TALK_TO_DOCTOR = 'TALK_TO_DOCTOR',
  HELP_WITH_RECORDS = 'HELP_WITH_RECORDS',
  LOOK_AT_PROVIDERS = 'LOOK_AT_PROVIDERS',
  CHECK_INSURANCE = 'CHECK_INSURANCE',
  WRITE_QUESTIONS = 'WRITE_QUESTIONS',
  GO_TO_VISIT = 'GO_TO_VISIT',
  WRITE_DOWN_OPINION = 'WRITE_DOWN_OPINION',
  SHARE_WITH_DOCTOR = 'SHARE_WITH_DOCTOR',
  NOTHING = 'NOTHING',
}

const STEP_OF_STAGE: Record<CaseStage, PatientNextStep> = {
  [CaseStage.DECIDE]: PatientNextStep.THINK_ABOUT_QUESTION,
  [CaseStage.TALK_TO_DOCTOR]: PatientNextStep.TALK_TO_DOCTOR,
  [CaseStage.GATHER_RECORDS]: PatientNextStep.HELP_WITH_RECORDS,
  [CaseStage.CHOOSE_PROVIDER]: PatientNextStep.LOOK_AT_PROVIDERS,
  [CaseStage.VERIFY_INSURANCE]: PatientNextStep.CHECK_INSURANCE,
  [CaseStage.PREPARE]: PatientNextStep.WRITE_QUESTIONS,
  [CaseStage.APPOINTMENT]: PatientNextStep.GO_TO_VISIT,
  [CaseStage.COMPARE_AND_DECIDE]: PatientNextStep.WRITE_DOWN_OPINION,
  [CaseStage.CLOSE_THE_LOOP]: PatientNextStep.SHARE_WITH_DOCTOR,
  [CaseStage.CLOSED]: PatientNextStep.NOTHING,
};

export const patientNextStep = (stage: CaseStage): PatientNextStep => STEP_OF_STAGE[stage];
