import { CaseEventKind } from '@second-look/domain';
import { splitStaffFields } from './case-event';

describe('splitStaffFields', () => {
  const base = { kind: CaseEventKind.APPOINTMENT_CHANGED, entityId: 'a1', detail: { change: 'edited' } };

  it('sends a shared-only edit to everyone', () => {
    expect(splitStaffFields(base, ['bringNotes', 'place'])).toEqual([{ ...base, staffOnly: false, detail: { change: 'edited', fields: ['bringNotes', 'place'] } }]);
  });

  it('sends a staff-notes-only edit to staff alone', () => {
    expect(splitStaffFields(base, ['staffNotes'])).toEqual([{ ...base, staffOnly: true, detail: { change: 'staffNotes', fields: ['staffNotes'] } }]);
  });

  it('splits a mixed edit, and the shared event never names the staff field', () => {
    const [shared, staff] = splitStaffFields(base, ['diagnosis', 'staffNotes']);
    expect(shared).toMatchObject({ staffOnly: false, detail: { fields: ['diagnosis'] } });
    expect(JSON.stringify(shared)).not.toContain('staffNotes');
    expect(staff).toMatchObject({ staffOnly: true, detail: { change: 'staffNotes', fields: ['staffNotes'] } });
  });

  it('sends nothing when nothing changed, and honours other staff-only field names', () => {
    expect(splitStaffFields(base, [])).toEqual([]);
    expect(splitStaffFields(base, ['internalRating'], ['internalRating'])).toEqual([{ ...base, staffOnly: true, detail: { change: 'staffNotes', fields: ['internalRating'] } }]);
  });
});
