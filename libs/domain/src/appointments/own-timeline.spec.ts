import { CalendarDate } from '../dates/calendar-date';
import { DomainErrorCode } from '../errors/domain-error';
import { assertOwnTimelineEntry, orderOwnTimeline, OwnTimelineKind } from './own-timeline';

const TODAY = '2026-12-02' as CalendarDate;

describe('the patient’s own timeline', () => {
  it('accepts something that happened today or before', () => {
    expect(assertOwnTimelineEntry({ occurredOn: '2026-12-02', what: 'Headache', kind: OwnTimelineKind.SYMPTOM }, TODAY)).toBe('2026-12-02');
    expect(assertOwnTimelineEntry({ occurredOn: '2025-03-01', what: 'Started ibuprofen', kind: OwnTimelineKind.TREATMENT }, TODAY)).toBe('2025-03-01');
  });

  it('refuses a day still to come, a day that does not exist, and an empty entry', () => {
    expect(() => assertOwnTimelineEntry({ occurredOn: '2026-12-03', what: 'x', kind: OwnTimelineKind.OTHER }, TODAY)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: { field: 'occurredOn' } }),
    );
    expect(() => assertOwnTimelineEntry({ occurredOn: '2026-02-30', what: 'x', kind: OwnTimelineKind.OTHER }, TODAY)).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED }));
    expect(() => assertOwnTimelineEntry({ occurredOn: '2026-12-01', what: '  ', kind: OwnTimelineKind.OTHER }, TODAY)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: { field: 'what' } }),
    );
  });

  it('lists the story oldest first, same-day entries as written', () => {
    const e = (id: string, occurredOn: string, ms: number) => ({ id, occurredOn, createdAt: new Date(ms) });
    const sorted = orderOwnTimeline([e('c', '2026-11-02', 1), e('b', '2026-10-01', 5), e('a', '2026-10-01', 2)]);
    expect(sorted.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
