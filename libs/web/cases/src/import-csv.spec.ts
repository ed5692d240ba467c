import { guessMapping, mapRows, readCsv } from './import-csv';

describe('import CSV', () => {
  it('reads headings and rows, quoted commas and a byte-order mark included', () => {
    const csv = readCsv('\uFEFFFull name,E-mail,Notes\n"Vale, Iris",iris@example.org,x\n\nJon Park,,y\n');
    expect(csv).toEqual({
      headings: ['Full name', 'E-mail', 'Notes'],
      rows: [
        { 'Full name': 'Vale, Iris', 'E-mail': 'iris@example.org', Notes: 'x' },
        { 'Full name': 'Jon Park', 'E-mail': '', Notes: 'y' },
      ],
    });
  });

  it('guesses each field once and maps rows to fields', () => {
    const csv = readCsv('Name,Email,DOB,Other email\nA,a@b.org,1960-01-01,z@z.org\n')!;
    const mapping = guessMapping(csv.headings);
    expect(mapping).toMatchObject({ patientName: 'Name', patientEmail: 'Email', dateOfBirth: 'DOB', question: null });
    // Unmapped fields and empty cells are left out: the request stays small.
    expect(mapRows(csv, mapping)).toEqual([{ patientName: 'A', patientEmail: 'a@b.org', dateOfBirth: '1960-01-01' }]);
  });
});
