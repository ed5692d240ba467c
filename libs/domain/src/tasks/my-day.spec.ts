import { CaseStage } from '../cases/case-stage';
import { CalendarDate } from '../dates/calendar-date';
import { dueUrgency, MyDayUrgency as U, PatientNextStep, patientNextStep, RecordClock, recordRequestDue, sortMyDay, visitThisWeek } from './my-day';

const d = (s: string) => s as CalendarDate;
const TODAY = d('2026-12-07');

describe('my day', () => {
  it('reads a date as overdue, today, or not yet', () => {
    expect(dueUrgency(d('2026-12-06'), TODAY)).toBe(U.OVERDUE);
    expect(dueUrgency(TODAY, TODAY)).toBe(U.TODAY);
    expect(dueUrgency(d('2026-12-08'), TODAY)).toBeNull();
    expect(dueUrgency(null, TODAY)).toBeNull();
  });

  it('a record request is due by its legal date first, else its plan target; received ones never', () => {
    const r = { planTargetOn: d('2026-12-01'), legalDueOn: d('2026-12-20'), completedOn: null };
    expect(recordRequestDue(r, TODAY)).toEqual({ clock: RecordClock.PLAN, on: '2026-12-01', urgency: U.OVERDUE });
    expect(recordRequestDue({ ...r, legalDueOn: TODAY }, TODAY)).toEqual({ clock: RecordClock.LEGAL, on: TODAY, urgency: U.TODAY });
    expect(recordRequestDue({ ...r, planTargetOn: d('2026-12-09') }, TODAY)).toBeNull();
    expect(recordRequestDue({ ...r, completedOn: d('2026-12-05') }, TODAY)).toBeNull();
  });

  it('looks at visits from today to 7 days ahead', () => {
    expect(visitThisWeek(TODAY, TODAY)).toBe(true);
    expect(visitThisWeek(d('2026-12-14'), TODAY)).toBe(true);
    expect(visitThisWeek(d('2026-12-15'), TODAY)).toBe(false);
    expect(visitThisWeek(d('2026-12-06'), TODAY)).toBe(false);
  });

  it('puts overdue before today before this week, earliest first', () => {
    const items = [
      { id: 'week', urgency: U.THIS_WEEK, on: '2026-12-08' },
      { id: 'today', urgency: U.TODAY, on: '2026-12-07' },
      { id: 'late2', urgency: U.OVERDUE, on: '2026-12-05' },
      { id: 'late1', urgency: U.OVERDUE, on: '2026-12-01' },
    ];
    expect(sortMyDay(items).map((i) => i.id)).toEqual(['late1', 'late2', 'today', 'week']);
  });

  it('gives the patient one plain step for every stage, and none once closed', () => {
    for (const stage of Object.values(CaseStage)) expect(Object.values(PatientNextStep)).toContain(patientNextStep(stage));
    expect(patientNextStep(CaseStage.GATHER_RECORDS)).toBe(PatientNextStep.HELP_WITH_RECORDS);
    expect(patientNextStep(CaseStage.CLOSED)).toBe(PatientNextStep.NOTHING);
  });
});
