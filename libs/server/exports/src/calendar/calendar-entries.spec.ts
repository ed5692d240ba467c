import ICAL from 'ical.js';
import { CasePhase, InsuranceOutcome, Urgency } from '@second-look/domain';
import { CaseCalendarData, caseCalendarEntries, EntryOptions } from './calendar-entries';
import { renderCalendar } from './calendar-render';
import { initialsOf } from './calendar-words';

const at = (iso: string) => new Date(iso);
const data = (over: Partial<CaseCalendarData['kase']> = {}): CaseCalendarData => ({
  kase: { id: 'c1', patientName: 'Maria José Lopez', urgency: Urgency.ROUTINE, createdAt: at('2026-10-01T15:00:00Z'), closedAt: null, version: 3, updatedAt: at('2026-10-02T00:00:00Z'), ...over },
  appointments: [
    { id: 'a1', startsAt: at('2026-11-02T16:00:00Z'), providerName: 'Dr. Park', place: 'Oncology wing', videoLink: '', cancelledAt: null, version: 2, updatedAt: at('2026-10-05T00:00:00Z') },
  ],
  requests: [{ id: 'r1', holderName: "St. Mary's", planTargetOn: '2026-10-15', legalDueOn: '2026-10-31', completedOn: null, version: 1, updatedAt: at('2026-10-01T00:00:00Z') }],
  insuranceCalls: [{ calledOn: '2026-10-03', outcome: InsuranceOutcome.NEEDS_PRE_AUTHORISATION, preAuthValidTo: '2026-12-01', createdAt: at('2026-10-03T12:00:00Z') }],
  adjustments: [{ phase: CasePhase.RECORDS, targetOn: '2026-10-20', reason: 'holder is slow', createdAt: at('2026-10-04T00:00:00Z') }],
});
const staff: EntryOptions = { language: 'en', zone: 'America/Chicago', appUrl: 'https://app.test', staff: true, nameCase: true, withPlace: false };

describe('case calendar entries', () => {
  it('gives staff every kind of date, with initials and no place', () => {
    const e = caseCalendarEntries(data(), staff);
    expect(e.map((x) => x.uid.split('@')[0])).toEqual([
      'appointment-a1',
      'request-target-r1',
      'request-legal-r1',
      'preauth-c1',
      'coverage-recheck-c1',
      'phase-records-c1',
      'phase-appointment-c1',
      'phase-follow_up-c1',
    ]);
    expect(e[0].title).toBe('Second-opinion appointment — Dr. Park (M. L.)');
    expect(e[0].location).toBeUndefined();
    expect(e.find((x) => x.uid.startsWith('coverage-recheck'))!.when).toEqual({ kind: 'allDay', on: '2026-10-26' });
    expect(e.find((x) => x.uid.startsWith('phase-records'))!).toMatchObject({ when: { kind: 'allDay', on: '2026-10-20' }, sequence: 1 + 2 });
  });

  it('gives a patient their visits only, in Spanish when they read Spanish, and with the place in their own download', () => {
    const e = caseCalendarEntries(data(), { ...staff, staff: false, nameCase: false, withPlace: true, language: 'es' });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ title: 'Cita de segunda opinión — Dr. Park', location: 'Oncology wing' });
  });

  it('cancels the due dates of a closed case and raises their sequence with the case version', () => {
    const open = caseCalendarEntries(data(), staff);
    const closed = caseCalendarEntries(data({ closedAt: at('2026-11-10T00:00:00Z'), version: 4 }), staff);
    expect(closed.filter((x) => x.uid.startsWith('request-')).every((x) => x.cancelled)).toBe(true);
    closed.forEach((x, i) => expect(x.sequence).toBeGreaterThan(open[i].sequence));
  });

  it('writes all-day dates as the calendar date whatever the server zone, with an exclusive end', () => {
    const ics = renderCalendar(caseCalendarEntries(data(), staff), { name: 'Second Look', zone: 'America/Chicago' });
    expect(ics).toContain('DTSTART;VALUE=DATE:20261031\r\nDTEND;VALUE=DATE:20261101');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    const legal = events.find((v) => String(v.getFirstPropertyValue('uid')).startsWith('request-legal'))!;
    expect((legal.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-10-31');
  });

  it('names a person by two initials at most', () => {
    expect(initialsOf('María José de la Cruz')).toBe('M. C.');
    expect(initialsOf('Cher')).toBe('C.');
    expect(initialsOf('  ')).toBe('?');
  });
});
