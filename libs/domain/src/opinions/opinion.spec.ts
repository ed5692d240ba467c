import { CalendarDate } from '../dates/calendar-date';
import { DomainErrorCode } from '../errors/domain-error';
import { assertOpinion, nextOpinionNumber } from './opinion';

const TODAY = '2026-12-02' as CalendarDate;

describe('an opinion', () => {
  it('needs the provider who gave it', () => {
    expect(() => assertOpinion({ providerName: '  ', givenOn: '2026-12-01' }, TODAY)).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: { field: 'providerName' } }));
  });

  it('is dated today or earlier, on a real day', () => {
    expect(assertOpinion({ providerName: 'Dr. Ames', givenOn: '2026-12-02' }, TODAY)).toBe('2026-12-02');
    expect(() => assertOpinion({ providerName: 'Dr. Ames', givenOn: '2026-12-03' }, TODAY)).toThrow(expect.objectContaining({ details: { field: 'givenOn' } }));
    expect(() => assertOpinion({ providerName: 'Dr. Ames', givenOn: '12/01/2026' }, TODAY)).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED }));
  });

  it('is numbered after the ones before it, never reusing a number', () => {
    expect(nextOpinionNumber([])).toBe(1);
    expect(nextOpinionNumber([1, 2])).toBe(3);
    expect(nextOpinionNumber([2, 1])).toBe(3);
  });
});
