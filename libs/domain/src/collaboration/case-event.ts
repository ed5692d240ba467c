/**
 * What can change on a case, as told to the other people looking at it (live events) and
 * kept in the case's activity feed. One list for every area: an area that adds a kind of
 * change adds its value here, and the web client words it (activity.kind.<KIND>).
 */
export enum CaseEventKind {
  /** Sent once when a live subscription starts (and again after every reconnect): catch up now. */
  SUBSCRIBED = 'SUBSCRIBED',
  CASE_CREATED = 'CASE_CREATED',
  CASE_UPDATED = 'CASE_UPDATED',
  STAGE_MOVED = 'STAGE_MOVED',
  LEAD_ADVOCATE_CHANGED = 'LEAD_ADVOCATE_CHANGED',
  PARTICIPANT_INVITED = 'PARTICIPANT_INVITED',
  COMMENT_ADDED = 'COMMENT_ADDED',
  PACKET_ITEM_ADDED = 'PACKET_ITEM_ADDED',
  PACKET_ITEM_UPDATED = 'PACKET_ITEM_UPDATED',
  PACKET_ITEM_REMOVED = 'PACKET_ITEM_REMOVED',
  DOCUMENT_UPLOADED = 'DOCUMENT_UPLOADED',
  RECORD_REQUEST_CREATED = 'RECORD_REQUEST_CREATED',
  RECORD_REQUEST_UPDATED = 'RECORD_REQUEST_UPDATED',
  TIMELINE_ADJUSTED = 'TIMELINE_ADJUSTED',
  // Areas built on other branches publish with these (appointments, questions, opinions, notes).
  APPOINTMENT_CHANGED = 'APPOINTMENT_CHANGED',
  QUESTION_CHANGED = 'QUESTION_CHANGED',
  ANSWER_CHANGED = 'ANSWER_CHANGED',
  OPINION_CHANGED = 'OPINION_CHANGED',
  NOTE_CHANGED = 'NOTE_CHANGED',
  // The rest of the journey (detail.change says what happened: added, edited, removed, chosen…).
  OWN_TIMELINE_CHANGED = 'OWN_TIMELINE_CHANGED',
  OPINIONS_COMPARED = 'OPINIONS_COMPARED',
  DECISION_CHANGED = 'DECISION_CHANGED',
  PROVIDER_CHANGED = 'PROVIDER_CHANGED',
  INSURANCE_CHANGED = 'INSURANCE_CHANGED',
  DOCTOR_SCRIPT_CHANGED = 'DOCTOR_SCRIPT_CHANGED',
  /** A task added, edited, done, undone or removed (detail.change); internal tasks are staff only. */
  TASK_CHANGED = 'TASK_CHANGED',
}

/** Kinds a person can filter the activity feed by (SUBSCRIBED is a signal, never an activity). */
export const ACTIVITY_KINDS: readonly CaseEventKind[] = Object.values(CaseEventKind).filter((k) => k !== CaseEventKind.SUBSCRIBED);

/** Groups for the feed's filter, so a patient picks "Records" rather than five technical kinds. */
export enum ActivityGroup {
  CASE = 'CASE',
  COMMENTS = 'COMMENTS',
  RECORDS = 'RECORDS',
  PLAN = 'PLAN',
}

export function activityGroupOf(kind: CaseEventKind): ActivityGroup {
  switch (kind) {
    case CaseEventKind.COMMENT_ADDED:
      return ActivityGroup.COMMENTS;
    case CaseEventKind.PACKET_ITEM_ADDED:
    case CaseEventKind.PACKET_ITEM_UPDATED:
    case CaseEventKind.PACKET_ITEM_REMOVED:
    case CaseEventKind.DOCUMENT_UPLOADED:
    case CaseEventKind.RECORD_REQUEST_CREATED:
    case CaseEventKind.RECORD_REQUEST_UPDATED:
      return ActivityGroup.RECORDS;
    case CaseEventKind.TIMELINE_ADJUSTED:
    case CaseEventKind.APPOINTMENT_CHANGED:
    case CaseEventKind.QUESTION_CHANGED:
    case CaseEventKind.ANSWER_CHANGED:
    case CaseEventKind.OPINION_CHANGED:
    case CaseEventKind.OWN_TIMELINE_CHANGED:
    case CaseEventKind.OPINIONS_COMPARED:
    case CaseEventKind.DECISION_CHANGED:
    case CaseEventKind.PROVIDER_CHANGED:
    case CaseEventKind.INSURANCE_CHANGED:
    case CaseEventKind.DOCTOR_SCRIPT_CHANGED:
    case CaseEventKind.TASK_CHANGED:
      return ActivityGroup.PLAN;
    case CaseEventKind.SUBSCRIBED:
    case CaseEventKind.CASE_CREATED:
    case CaseEventKind.CASE_UPDATED:
    case CaseEventKind.STAGE_MOVED:
    case CaseEventKind.LEAD_ADVOCATE_CHANGED:
    case CaseEventKind.PARTICIPANT_INVITED:
    case CaseEventKind.NOTE_CHANGED:
      return ActivityGroup.CASE;
  }
}

export const kindsOfGroups = (groups: readonly ActivityGroup[]): CaseEventKind[] => ACTIVITY_KINDS.filter((k) => groups.includes(activityGroupOf(k)));

/**
 * Whether a receiver may get an event at all. Staff-only events (internal comments, staff
 * notes) never go to a patient or caregiver; everything else follows the case's read rule,
 * which the server checks against the database for every event.
 */
export const mayReceiveEvent = (event: { staffOnly: boolean }, receiver: { staff: boolean }): boolean => !event.staffOnly || receiver.staff;

/** Parts of the case page a person can be editing; shown to the others as "Sam is editing the questions". */
export enum CaseArea {
  SUMMARY = 'SUMMARY',
  DETAILS = 'DETAILS',
  PACKET = 'PACKET',
  REQUESTS = 'REQUESTS',
  COMMENTS = 'COMMENTS',
  NOTES = 'NOTES',
  QUESTIONS = 'QUESTIONS',
  APPOINTMENT = 'APPOINTMENT',
  OPINIONS = 'OPINIONS',
  TIMELINE = 'TIMELINE',
}
