import { Urgency } from '../cases/trigger';
import { CalendarDate, addDays, daysBetween, isAfter, isBefore } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { PacketItemState, isOutstandingState, isReceivedState } from './packet';

/*
 * A record request runs against two clocks (docs/domain.md, "The clock"):
 * - the plan *target*: when the advocate wants the records, 1–2 weeks from sending;
 * - the *legal* due date: HIPAA right of access gives the holder 30 calendar days from
 *   receiving the request, extendable once by up to 30 days with a written reason.
 * The request is chased before both. All dates are calendar dates in the
 * organization's time zone; callers pass "today" from `todayInZone`.
 */

const invalid = (field: string, message: string, details: Record<string, unknown> = {}): DomainError => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, ...details });

// ---------------------------------------------------------------- settings

export interface RecordClockSettings {
  /** Days from sending to the plan target, by urgency. */
  readonly targetDays: Readonly<Record<Urgency, number>>;
  /** A clock turns AT_RISK this many days before its date (the date itself included). */
  readonly atRiskDays: { readonly target: number; readonly legal: number };
}

export interface RecordClockSettingsOverride {
  readonly targetDays?: Partial<Readonly<Record<Urgency, number>>>;
  readonly atRiskDays?: { readonly target?: number; readonly legal?: number };
}

export const DEFAULT_RECORD_CLOCK_SETTINGS: RecordClockSettings = {
  targetDays: { [Urgency.ROUTINE]: 14, [Urgency.URGENT]: 7 },
  // The legal date gets a longer warning: missing it means a formal complaint, not a nudge.
  atRiskDays: { target: 3, legal: 7 },
};

export const LEGAL_RESPONSE_DAYS = 30;
export const LEGAL_EXTENSION_MAX_DAYS = 30;
/** The latest a holder may answer, counted from receipt: 30 days plus one 30-day extension. */
export const LEGAL_MAX_TOTAL_DAYS = LEGAL_RESPONSE_DAYS + LEGAL_EXTENSION_MAX_DAYS;

function wholeDays(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${field} must be a whole number of days from ${min} to ${max}`, { value, min, max });
  }
  return value;
}

/**
 * An organization's own day counts over the defaults. A target past the legal 30 days
 * would plan to wait for a breach, and an urgent target longer than the routine one
 * would contradict "urgent shortens every target", so both are refused.
 */
export function recordClockSettings(override: RecordClockSettingsOverride = {}): RecordClockSettings {
  const d = DEFAULT_RECORD_CLOCK_SETTINGS;
  const routine = wholeDays(override.targetDays?.[Urgency.ROUTINE] ?? d.targetDays[Urgency.ROUTINE], 'targetDays.ROUTINE', 1, LEGAL_RESPONSE_DAYS);
  const urgent = wholeDays(override.targetDays?.[Urgency.URGENT] ?? d.targetDays[Urgency.URGENT], 'targetDays.URGENT', 1, LEGAL_RESPONSE_DAYS);
  if (urgent > routine) {
    throw invalid('targetDays.URGENT', 'The urgent target cannot be longer than the routine one', {
      urgent,
      routine,
    });
  }
  return {
    targetDays: { [Urgency.ROUTINE]: routine, [Urgency.URGENT]: urgent },
    atRiskDays: {
      target: wholeDays(override.atRiskDays?.target ?? d.atRiskDays.target, 'atRiskDays.target', 0, 30),
      legal: wholeDays(override.atRiskDays?.legal ?? d.atRiskDays.legal, 'atRiskDays.legal', 0, LEGAL_MAX_TOTAL_DAYS),
    },
  };
}

// ---------------------------------------------------------------- dates given by people

/** A request cannot have been sent on a day that has not happened yet. */
export function assertSentOn(sentOn: CalendarDate, today: CalendarDate, field = 'sentOn'): void {
  if (isAfter(sentOn, today)) {
    throw invalid(field, `The date sent cannot be in the future (today is ${today})`, { value: sentOn, today });
  }
}

/** A due date someone sets now must still be ahead of us (today itself is allowed). */
export function assertDueOnNotPast(dueOn: CalendarDate, today: CalendarDate, field = 'dueOn'): void {
  if (isBefore(dueOn, today)) {
    throw invalid(field, `The due date cannot be in the past (today is ${today})`, { value: dueOn, today });
  }
}

/**
 * The holder's receipt date, when known, is what starts the legal clock: it can be
 * neither before the request was sent nor in the future.
 */
export function assertHolderReceivedOn(holderReceivedOn: CalendarDate, sentOn: CalendarDate, today: CalendarDate, field = 'holderReceivedOn'): void {
  if (isBefore(holderReceivedOn, sentOn)) {
    throw invalid(field, `The holder cannot have received the request before it was sent (${sentOn})`, {
      value: holderReceivedOn,
      sentOn,
    });
  }
  if (isAfter(holderReceivedOn, today)) {
    throw invalid(field, `The date received cannot be in the future (today is ${today})`, {
      value: holderReceivedOn,
      today,
    });
  }
}

// ---------------------------------------------------------------- plan target

export function planTargetDate(sentOn: CalendarDate, urgency: Urgency, settings: RecordClockSettings = DEFAULT_RECORD_CLOCK_SETTINGS): CalendarDate {
  return addDays(sentOn, settings.targetDays[urgency]);
}

// ---------------------------------------------------------------- legal clock

export interface LegalExtension {
  /** The new due date the holder gave in their written notice. */
  readonly newDueOn: CalendarDate;
  /** The reason the holder stated; the law requires one. */
  readonly reason: string;
}

export interface LegalClock {
  /** When the holder received the request; the 30 days count from here. */
  readonly holderReceivedOn: CalendarDate;
  /** The date in force: the original due date, or the extended one. */
  readonly dueOn: CalendarDate;
  /** The original due date, kept so the extension stays visible. */
  readonly originalDueOn: CalendarDate;
  readonly extension: LegalExtension | null;
}

/** Receipt is often unknown; the date sent is the cautious stand-in (the clock can only start later). */
export function startLegalClock(sentOn: CalendarDate, holderReceivedOn?: CalendarDate | null): LegalClock {
  const received = holderReceivedOn ?? sentOn;
  if (isBefore(received, sentOn)) {
    throw invalid('holderReceivedOn', `The holder cannot have received the request before it was sent (${sentOn})`, {
      value: received,
      sentOn,
    });
  }
  const dueOn = addDays(received, LEGAL_RESPONSE_DAYS);
  return { holderReceivedOn: received, dueOn, originalDueOn: dueOn, extension: null };
}

/** The last date an extension may name: 60 days after the holder received the request. */
export const latestLegalDueOn = (clock: LegalClock): CalendarDate => addDays(clock.holderReceivedOn, LEGAL_MAX_TOTAL_DAYS);

/**
 * Records the holder's one extension. Each refusal names the field a person must fix;
 * the order puts the reason that cannot be fixed at all (a second extension) first.
 */
export function extendLegalClock(clock: LegalClock, extension: LegalExtension, today: CalendarDate): LegalClock {
  if (clock.extension) {
    throw invalid('extension', 'The legal due date can be extended only once, and it already was', {
      extendedTo: clock.extension.newDueOn,
    });
  }
  const reason = extension.reason.trim();
  if (reason === '') {
    throw invalid('reason', 'An extension needs the reason the holder gave in writing');
  }
  const latest = latestLegalDueOn(clock);
  if (!isAfter(extension.newDueOn, clock.dueOn)) {
    throw invalid('newDueOn', `The new due date must be after the current one (${clock.dueOn})`, {
      value: extension.newDueOn,
      currentDueOn: clock.dueOn,
    });
  }
  if (isAfter(extension.newDueOn, latest)) {
    throw invalid('newDueOn', `The new due date can be at most ${LEGAL_MAX_TOTAL_DAYS} days after the holder received the request (${latest})`, { value: extension.newDueOn, latestDueOn: latest });
  }
  assertDueOnNotPast(extension.newDueOn, today, 'newDueOn');
  return { ...clock, dueOn: extension.newDueOn, extension: { newDueOn: extension.newDueOn, reason } };
}

// ---------------------------------------------------------------- received progress

export enum ReceivedProgress {
  NOT_RECEIVED = 'NOT_RECEIVED',
  PARTIALLY_RECEIVED = 'PARTIALLY_RECEIVED',
  FULLY_RECEIVED = 'FULLY_RECEIVED',
}

export interface ReceivedSummary {
  readonly progress: ReceivedProgress;
  readonly total: number;
  readonly received: number;
  readonly outstanding: number;
  readonly notAvailable: number;
}

/**
 * Fully received means nothing is left to chase. An item the holder does not have
 * (NOT_AVAILABLE) is answered, so it does not hold the request open; a request with no
 * items has nothing received and stays NOT_RECEIVED rather than looking finished.
 */
export function receivedProgress(states: readonly PacketItemState[]): ReceivedSummary {
  const received = states.filter(isReceivedState).length;
  const outstanding = states.filter(isOutstandingState).length;
  const notAvailable = states.filter((s) => s === PacketItemState.NOT_AVAILABLE).length;
  const progress = states.length > 0 && outstanding === 0 ? ReceivedProgress.FULLY_RECEIVED : received > 0 ? ReceivedProgress.PARTIALLY_RECEIVED : ReceivedProgress.NOT_RECEIVED;
  return { progress, total: states.length, received, outstanding, notAvailable };
}

// ---------------------------------------------------------------- status

export enum ClockStatus {
  DONE = 'DONE',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  OVERDUE = 'OVERDUE',
}

/** Worst last: the order an overall status and a coordinator's sort both use. */
export const CLOCK_STATUS_SEVERITY: readonly ClockStatus[] = [ClockStatus.DONE, ClockStatus.ON_TRACK, ClockStatus.AT_RISK, ClockStatus.OVERDUE];

export const worstClockStatus = (...statuses: ClockStatus[]): ClockStatus =>
  statuses.reduce((worst, s) => (CLOCK_STATUS_SEVERITY.indexOf(s) > CLOCK_STATUS_SEVERITY.indexOf(worst) ? s : worst), ClockStatus.DONE);

/**
 * Where one clock stands today. OVERDUE only once the date has passed: the holder has
 * the whole due day. AT_RISK from `atRiskDays` before the date through the date itself,
 * so with 3 days and a date of the 20th, the 17th is AT_RISK and the 16th ON_TRACK.
 */
export function clockStatus(dueOn: CalendarDate, today: CalendarDate, atRiskDays: number, done = false): ClockStatus {
  if (done) return ClockStatus.DONE;
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return ClockStatus.OVERDUE;
  if (daysLeft <= atRiskDays) return ClockStatus.AT_RISK;
  return ClockStatus.ON_TRACK;
}

export interface ClockReading {
  readonly dueOn: CalendarDate;
  readonly status: ClockStatus;
  /** Days from today to the date; negative once overdue, 0 on the day. */
  readonly daysLeft: number;
}

export interface RecordRequestClockInput {
  readonly sentOn: CalendarDate;
  readonly urgency: Urgency;
  readonly legal: LegalClock;
  readonly itemStates: readonly PacketItemState[];
  /** When the last outstanding item came in; stops the age from growing after the request is done. */
  readonly completedOn?: CalendarDate | null;
}

export interface RecordRequestClock {
  readonly target: ClockReading;
  readonly legal: ClockReading;
  /** The worse of the two: a request on track for the law but past the plan still needs chasing. */
  readonly overall: ClockStatus;
  /** Calendar days since the request was sent (until completion, once done). */
  readonly ageDays: number;
  readonly received: ReceivedSummary;
}

export function recordRequestClock(input: RecordRequestClockInput, today: CalendarDate, settings: RecordClockSettings = DEFAULT_RECORD_CLOCK_SETTINGS): RecordRequestClock {
  const received = receivedProgress(input.itemStates);
  const done = received.progress === ReceivedProgress.FULLY_RECEIVED;
  const reading = (dueOn: CalendarDate, atRiskDays: number): ClockReading => ({
    dueOn,
    status: clockStatus(dueOn, today, atRiskDays, done),
    daysLeft: daysBetween(today, dueOn),
  });
  const target = reading(planTargetDate(input.sentOn, input.urgency, settings), settings.atRiskDays.target);
  const legal = reading(input.legal.dueOn, settings.atRiskDays.legal);
  const ageEnd = done && input.completedOn ? input.completedOn : today;
  return {
    target,
    legal,
    overall: worstClockStatus(target.status, legal.status),
    ageDays: Math.max(0, daysBetween(input.sentOn, ageEnd)),
    received,
  };
}

/** The dates a saved request carries: its clock is read from these, not recomputed. */
export interface StoredRequestDates {
  readonly sentOn: CalendarDate;
  readonly planTargetOn: CalendarDate;
  readonly legalDueOn: CalendarDate;
  /** Set once nothing is outstanding: both clocks read DONE and the age stops growing. */
  readonly completedOn: CalendarDate | null;
}

/**
 * Where a saved request stands today against its stored plan target and legal due date
 * (which may carry an extension): what a request shows on the board and on the case.
 */
export function storedRequestClock(dates: StoredRequestDates, today: CalendarDate, settings: RecordClockSettings = DEFAULT_RECORD_CLOCK_SETTINGS): Omit<RecordRequestClock, 'received'> {
  const done = dates.completedOn !== null;
  const reading = (dueOn: CalendarDate, atRiskDays: number): ClockReading => ({ dueOn, status: clockStatus(dueOn, today, atRiskDays, done), daysLeft: daysBetween(today, dueOn) });
  const target = reading(dates.planTargetOn, settings.atRiskDays.target);
  const legal = reading(dates.legalDueOn, settings.atRiskDays.legal);
  return { target, legal, overall: worstClockStatus(target.status, legal.status), ageDays: Math.max(0, daysBetween(dates.sentOn, dates.completedOn ?? today)) };
}
