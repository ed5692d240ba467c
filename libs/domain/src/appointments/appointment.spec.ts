import { DomainErrorCode } from '../errors/domain-error';
import {
  appointmentInstant,
  AppointmentMode,
  assertAppointmentPlace,
  assertNewBookingInFuture,
  normaliseVisitFeelings,
  summariseVisitFeelings,
  visitNeedsFollowUpTalk,
  VisitFeeling,
  VisitFeelingSummary,
} from './appointment';

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code?: string }).code, field: (e as { details?: { field?: string } }).details?.field };
  }
  return 'no error';
};

describe('appointment time', () => {
  it('reads the date and time on the organisation’s wall clock', () => {
    expect(appointmentInstant({ date: '2026-12-03', time: '09:30' }, 'America/Chicago').toISOString()).toBe('2026-12-03T15:30:00.000Z');
    expect(appointmentInstant({ date: '2026-07-03', time: '09:30' }, 'Europe/Berlin').toISOString()).toBe('2026-07-03T07:30:00.000Z');
  });

  it('refuses a time that is not HH:MM and a date that does not exist', () => {
    expect(codeOf(() => appointmentInstant({ date: '2026-12-03', time: '9.30' }, 'UTC'))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'time' });
    expect(codeOf(() => appointmentInstant({ date: '2026-12-03', time: '24:00' }, 'UTC'))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'time' });
    expect(codeOf(() => appointmentInstant({ date: '2026-02-30', time: '10:00' }, 'UTC'))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'date' });
  });

  it('refuses a new booking at or before now, accepts one still to come', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(codeOf(() => assertNewBookingInFuture(new Date('2026-12-01T10:00:00Z'), now))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'date' });
    expect(codeOf(() => assertNewBookingInFuture(now, now))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'date' });
    expect(codeOf(() => assertNewBookingInFuture(new Date('2026-12-02T10:01:00Z'), now))).toBe('no error');
  });
});

describe('appointment place', () => {
  it('needs an address in person and a link for video; a phone call needs neither', () => {
    expect(codeOf(() => assertAppointmentPlace({ mode: AppointmentMode.IN_PERSON, place: ' ', videoLink: '' }))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'place' });
    expect(codeOf(() => assertAppointmentPlace({ mode: AppointmentMode.VIDEO, place: '', videoLink: '' }))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'videoLink' });
    expect(codeOf(() => assertAppointmentPlace({ mode: AppointmentMode.PHONE, place: '', videoLink: '' }))).toBe('no error');
    expect(codeOf(() => assertAppointmentPlace({ mode: AppointmentMode.IN_PERSON, place: 'Mercy Hospital, 2nd floor', videoLink: '' }))).toBe('no error');
  });

  it('accepts only web links for video', () => {
    expect(codeOf(() => assertAppointmentPlace({ mode: AppointmentMode.VIDEO, place: '', videoLink: 'javascript:alert(1)' }))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'videoLink' });
    expect(codeOf(() => assertAppointmentPlace({ mode: AppointmentMode.VIDEO, place: '', videoLink: 'not a link' }))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'videoLink' });
    expect(codeOf(() => assertAppointmentPlace({ mode: AppointmentMode.VIDEO, place: '', videoLink: 'https://video.example.org/room/42' }))).toBe('no error');
  });
});

describe('how the visit felt', () => {
  it('summarises good, bad, mixed and nothing', () => {
    expect(summariseVisitFeelings([])).toBe(VisitFeelingSummary.NOT_RECORDED);
    expect(summariseVisitFeelings([VisitFeeling.HEARD, VisitFeeling.RESPECTED])).toBe(VisitFeelingSummary.WENT_WELL);
    expect(summariseVisitFeelings([VisitFeeling.HURRIED])).toBe(VisitFeelingSummary.WENT_BADLY);
    expect(summariseVisitFeelings([VisitFeeling.HEARD, VisitFeeling.HURRIED])).toBe(VisitFeelingSummary.MIXED);
  });

  it('keeps each feeling once, in the form’s order, and refuses unknown ones', () => {
    expect(normaliseVisitFeelings([VisitFeeling.MINIMISED, VisitFeeling.HEARD, VisitFeeling.HEARD])).toEqual([VisitFeeling.HEARD, VisitFeeling.MINIMISED]);
    expect(codeOf(() => normaliseVisitFeelings(['ANGRY' as VisitFeeling]))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'feelings' });
  });

  it('flags a talk with the advocate after a bad feeling or a worry', () => {
    expect(visitNeedsFollowUpTalk([VisitFeeling.HEARD], '')).toBe(false);
    expect(visitNeedsFollowUpTalk([VisitFeeling.HEARD], 'They said "let us wait and see"')).toBe(true);
    expect(visitNeedsFollowUpTalk([VisitFeeling.BRUSHED_OFF], '')).toBe(true);
  });
});
