import { CalendarDate } from '../dates/calendar-date';
import { Urgency } from './trigger';
import { ClientImportProblem, clientIdentity, guessImportField, readClientRows, readDateOfBirth } from './client-import';

const TODAY = '2026-12-06' as CalendarDate;

describe('client import rows', () => {
  it('reads a valid row, with defaults and spreadsheet spellings', () => {
    const { cases, errors } = readClientRows([{ patientName: '  Ana  Ruiz ', patientEmail: 'ANA@Example.org', dateOfBirth: '4/23/1961', urgency: 'Urgente', preferredLanguage: 'Español' }], TODAY);
    expect(errors).toEqual([]);
    expect(cases).toEqual([
      expect.objectContaining({
        row: 1,
        patientName: 'Ana Ruiz',
        patientEmail: 'ana@example.org',
        dateOfBirth: '1961-04-23',
        urgency: Urgency.URGENT,
        preferredLanguage: 'es',
        identity: 'email:ana@example.org',
      }),
    ]);
  });

  it('names every problem of every row, and accepts none then', () => {
    const { cases, errors } = readClientRows(
      [
        { patientName: 'Ben Cole', dateOfBirth: '1970-01-01' },
        { patientName: '', patientEmail: 'not-an-email', dateOfBirth: '31/12/1970' },
        { patientName: 'Cy Dunn', dateOfBirth: '2030-01-01', urgency: 'soon', preferredLanguage: 'French' },
        { patientName: 'Dee Eve' },
        { patientName: 'ben  cole', dateOfBirth: '1970-01-01' },
        { patientName: 'x'.repeat(201), patientEmail: 'x@y.org' },
      ],
      TODAY,
    );
    expect(cases.map((c) => c.row)).toEqual([1]);
    expect(errors).toEqual([
      { row: 2, field: 'patientName', problem: ClientImportProblem.REQUIRED },
      { row: 2, field: 'patientEmail', problem: ClientImportProblem.INVALID_EMAIL },
      { row: 2, field: 'dateOfBirth', problem: ClientImportProblem.INVALID_DATE },
      { row: 3, field: 'dateOfBirth', problem: ClientImportProblem.FUTURE_DATE },
      { row: 3, field: 'urgency', problem: ClientImportProblem.INVALID_URGENCY },
      { row: 3, field: 'preferredLanguage', problem: ClientImportProblem.INVALID_LANGUAGE },
      { row: 4, field: 'patientEmail', problem: ClientImportProblem.NO_IDENTITY },
      { row: 5, field: 'dateOfBirth', problem: ClientImportProblem.DUPLICATE_IN_FILE },
      { row: 6, field: 'patientName', problem: ClientImportProblem.TOO_LONG },
    ]);
  });

  it('knows a client by e-mail, else by name and date of birth', () => {
    expect(clientIdentity('Ana', 'a@b.org', '1960-01-01' as CalendarDate)).toBe('email:a@b.org');
    expect(clientIdentity(' Ana  Ruiz', null, '1960-01-01' as CalendarDate)).toBe('name:ana ruiz|1960-01-01');
    expect(clientIdentity('Ana', null, null)).toBeNull();
  });

  it('reads ISO and US dates only', () => {
    expect(readDateOfBirth('1961-04-23')).toBe('1961-04-23');
    expect(readDateOfBirth('12/1/1999')).toBe('1999-12-01');
    expect(readDateOfBirth('02/30/1999')).toBeNull();
    expect(readDateOfBirth('04/23/61')).toBeNull();
  });

  it('guesses the field from a column heading', () => {
    expect(guessImportField('Patient name')).toBe('patientName');
    expect(guessImportField('E-mail')).toBe('patientEmail');
    expect(guessImportField('DOB')).toBe('dateOfBirth');
    expect(guessImportField('Fecha de nacimiento')).toBe('dateOfBirth');
    expect(guessImportField('Idioma')).toBe('preferredLanguage');
    expect(guessImportField('Notes')).toBeNull();
  });
});
