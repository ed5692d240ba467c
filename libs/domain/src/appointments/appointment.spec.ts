import { DomainErrorCode } from '../errors/domain-error';
import {
  appointmentInstant,
  AppointmentMode,
  assertAppointmentPlace,
  assertFeltVisitStaysInPast,
  assertNewBookingInFuture,
  assertVisitFeelingsCanBeRecorded,
  normaliseVisitFeelings,
  summariseVisitFeelings,
  visitNeedsFollowUpTalk,
  VisitFeeling,
  VisitFeelingSummary,
  visitHasStarted,
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
  it('reads the date and time on the organization’s wall clock', () => {
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

describe('when the visit’s feelings can be written down', () => {
  // A visit at 10:30 in Chicago (CST, UTC-6), four days after "now".
  const startsAt = appointmentInstant({ date: '2026-12-10', time: '10:30' }, 'America/Chicago');
  const now = new Date('2026-12-06T10:40:00Z');
  const visit = { startsAt, cancelledAt: null };

  it('starts at the visit’s start time on the organization’s clock', () => {
    expect(startsAt.toISOString()).toBe('2026-12-10T16:30:00.000Z');
    expect(visitHasStarted(startsAt, now)).toBe(false);
    expect(visitHasStarted(startsAt, new Date('2026-12-10T16:29:59Z'))).toBe(false);
    expect(visitHasStarted(startsAt, new Date('2026-12-10T16:30:00Z'))).toBe(true);
  });

  it('refuses feelings or worries before the visit has started, and for a cancelled visit', () => {
    expect(codeOf(() => assertVisitFeelingsCanBeRecorded(visit, now, [VisitFeeling.HEARD, VisitFeeling.HURRIED], ''))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'feelings' });
    expect(codeOf(() => assertVisitFeelingsCanBeRecorded(visit, now, [], 'A worry'))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'feelings' });
    expect(codeOf(() => assertVisitFeelingsCanBeRecorded(visit, new Date('2026-12-10T16:31:00Z'), [VisitFeeling.HEARD], ''))).toBe('no error');
    expect(codeOf(() => assertVisitFeelingsCanBeRecorded({ startsAt, cancelledAt: now }, new Date('2026-12-11T00:00:00Z'), [VisitFeeling.HEARD], ''))).toEqual({
      code: DomainErrorCode.VALIDATION_FAILED,
      field: 'feelings',
    });
  });

  it('always lets an empty save through, so a slip can be cleared', () => {
    expect(codeOf(() => assertVisitFeelingsCanBeRecorded(visit, now, [], '  '))).toBe('no error');
    expect(codeOf(() => assertVisitFeelingsCanBeRecorded({ startsAt, cancelledAt: now }, now, [], ''))).toBe('no error');
  });

  it('keeps a visit with feelings in the past when it moves', () => {
    const felt = { feelings: [VisitFeeling.HEARD], worries: '' };
    expect(codeOf(() => assertFeltVisitStaysInPast(felt, new Date('2026-12-06T10:41:00Z'), now))).toEqual({ code: DomainErrorCode.VALIDATION_FAILED, field: 'date' });
    expect(codeOf(() => assertFeltVisitStaysInPast(felt, new Date('2026-12-06T09:00:00Z'), now))).toBe('no error');
    expect(codeOf(() => assertFeltVisitStaysInPast({ feelings: [], worries: '' }, startsAt, now))).toBe('no error');
  });
});
