import { ACTIVITY_KINDS, ActivityGroup, activityGroupOf, CaseEventKind, kindsOfGroups, mayReceiveEvent } from './case-event';

describe('case events', () => {
  it('never lets a staff-only event reach a patient or caregiver', () => {
    expect(mayReceiveEvent({ staffOnly: true }, { staff: false })).toBe(false);
    expect(mayReceiveEvent({ staffOnly: true }, { staff: true })).toBe(true);
    expect(mayReceiveEvent({ staffOnly: false }, { staff: false })).toBe(true);
  });

  it('puts every activity kind in exactly one filter group', () => {
    const all = Object.values(ActivityGroup).flatMap((g) => kindsOfGroups([g]));
    expect(all.sort()).toEqual([...ACTIVITY_KINDS].sort());
    expect(ACTIVITY_KINDS).not.toContain(CaseEventKind.SUBSCRIBED);
  });

  it('groups records work together', () => {
    expect(activityGroupOf(CaseEventKind.RECORD_REQUEST_UPDATED)).toBe(ActivityGroup.RECORDS);
    expect(activityGroupOf(CaseEventKind.COMMENT_ADDED)).toBe(ActivityGroup.COMMENTS);
    expect(kindsOfGroups([])).toEqual([]);
  });

  it('puts every step of the journey under the plan', () => {
    const journey = [
      CaseEventKind.QUESTION_CHANGED,
      CaseEventKind.APPOINTMENT_CHANGED,
      CaseEventKind.ANSWER_CHANGED,
      CaseEventKind.OWN_TIMELINE_CHANGED,
      CaseEventKind.OPINION_CHANGED,
      CaseEventKind.OPINIONS_COMPARED,
      CaseEventKind.DECISION_CHANGED,
      CaseEventKind.PROVIDER_CHANGED,
      CaseEventKind.INSURANCE_CHANGED,
      CaseEventKind.DOCTOR_SCRIPT_CHANGED,
    ];
    for (const k of journey) expect(activityGroupOf(k)).toBe(ActivityGroup.PLAN);
  });
});
