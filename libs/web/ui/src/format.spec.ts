import { formatDateTime, formatDay, formatMoney, formatNumber, formatWhen, relativeDay } from './format';

describe('dates, money and numbers in the reader’s language (Intl with en-US / es-US)', () => {
  it('says a calendar day the US Spanish way, without shifting it through a zone', () => {
    expect(formatDay('2026-12-09', 'es', 'long')).toBe('9 de diciembre de 2026');
    expect(formatDay('2026-12-09', 'en', 'long')).toBe('December 9, 2026');
    expect(formatDay('2026-12-09', 'es')).toMatch(/^9 dic 2026$/);
  });

  it('prints dollars as a US reader expects in both languages, never "1234,50 US$"', () => {
    expect(formatMoney(123450, 'es')).toBe('$1,234.50');
    expect(formatMoney(123450, 'en')).toBe('$1,234.50');
    expect(formatNumber(1234.5, 'es')).toBe('1,234.5');
  });

  it('says an instant on the organization’s clock, in the reader’s words', () => {
    expect(formatWhen('2026-12-09T16:30:00Z', 'es', 'America/Chicago')).toMatch(/^miércoles, 9 de diciembre de 2026, 10:30\sa\.\s?m\.$/);
    expect(formatDateTime('2026-12-09T16:30:00Z', 'en', 'America/Chicago')).toMatch(/^Dec 9, 2026, 10:30\sAM$/);
  });

  it('says yesterday, today and tomorrow through Intl.RelativeTimeFormat, and nothing further away', () => {
    expect(relativeDay('2026-12-10', '2026-12-09', 'es')).toBe('mañana');
    expect(relativeDay('2026-12-08', '2026-12-09', 'es')).toBe('ayer');
    expect(relativeDay('2026-12-09', '2026-12-09', 'en')).toBe('today');
    expect(relativeDay('2026-12-12', '2026-12-09', 'en')).toBeNull();
  });
});
