import { CasePermissions } from '../access/case-access';
import { CASE_NOTE_LIMITS, CaseNoteKind, caseNoteAccess, checkNoteUpdateEncoding } from './case-note';

const can = (over: Partial<CasePermissions>): CasePermissions => ({
  read: false,
  edit: false,
  comment: false,
  internal: false,
  moveStage: false,
  invitePatient: false,
  inviteCaregiver: false,
  assignAdvocate: false,
  ...over,
});

describe('caseNoteAccess', () => {
  it('lets staff read and write both notes', () => {
    const staff = can({ read: true, edit: true, comment: true, internal: true });
    expect(caseNoteAccess(CaseNoteKind.SHARED, staff)).toEqual({ read: true, write: true });
    expect(caseNoteAccess(CaseNoteKind.STAFF, staff)).toEqual({ read: true, write: true });
  });

  it('lets staff who do not lead the case write the staff note but only read the shared one', () => {
    const onlooker = can({ read: true, comment: true, internal: true });
    expect(caseNoteAccess(CaseNoteKind.SHARED, onlooker)).toEqual({ read: true, write: false });
    expect(caseNoteAccess(CaseNoteKind.STAFF, onlooker)).toEqual({ read: true, write: true });
  });

  it('gives the patient the shared note and nothing of the staff note', () => {
    const patient = can({ read: true, edit: true, comment: true, inviteCaregiver: true });
    expect(caseNoteAccess(CaseNoteKind.SHARED, patient)).toEqual({ read: true, write: true });
    expect(caseNoteAccess(CaseNoteKind.STAFF, patient)).toEqual({ read: false, write: false });
  });

  it('lets a caregiver with view access read the shared note only', () => {
    const viewer = can({ read: true });
    expect(caseNoteAccess(CaseNoteKind.SHARED, viewer)).toEqual({ read: true, write: false });
    expect(caseNoteAccess(CaseNoteKind.STAFF, viewer)).toEqual({ read: false, write: false });
  });

  it('gives nothing to someone who cannot read the case, whatever else is set', () => {
    const none = can({ edit: true, internal: true });
    expect(caseNoteAccess(CaseNoteKind.SHARED, none)).toEqual({ read: false, write: false });
    expect(caseNoteAccess(CaseNoteKind.STAFF, none)).toEqual({ read: false, write: false });
  });
});

describe('checkNoteUpdateEncoding', () => {
  it('accepts standard base64', () => {
    expect(checkNoteUpdateEncoding(Buffer.from([1, 2, 3, 4]).toString('base64'))).toBeNull();
    expect(checkNoteUpdateEncoding('AAAA')).toBeNull();
  });

  it('refuses an empty update', () => {
    expect(checkNoteUpdateEncoding('')).toBe('EMPTY');
  });

  it('refuses text that is not base64', () => {
    expect(checkNoteUpdateEncoding('not base64!')).toBe('NOT_BASE64');
    expect(checkNoteUpdateEncoding('AAA')).toBe('NOT_BASE64');
    expect(checkNoteUpdateEncoding('AA=A')).toBe('NOT_BASE64');
    expect(checkNoteUpdateEncoding('AA-_')).toBe('NOT_BASE64');
  });

  it('refuses an update over the limit before looking at it', () => {
    const big = 'A'.repeat(Math.ceil(((CASE_NOTE_LIMITS.maxUpdateBytes + 10) * 4) / 3));
    expect(checkNoteUpdateEncoding(big)).toBe('TOO_LARGE');
    expect(checkNoteUpdateEncoding('AAAAAAAA', 3)).toBe('TOO_LARGE');
    expect(checkNoteUpdateEncoding('AAAA', 3)).toBeNull();
  });
});
