import Papa from 'papaparse';
import { CLIENT_IMPORT_FIELDS, guessImportField, type ClientImportField, type ClientImportRow } from '@second-look/domain';

export interface CsvFile {
  headings: string[];
  rows: Record<string, string>[];
}

/** Reads a CSV file whose first row holds the headings (papaparse; empty lines skipped). */
export function readCsv(text: string): CsvFile | null {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const headings = (parsed.meta.fields ?? []).filter((h) => h !== '');
  if (!headings.length || parsed.errors.some((e) => e.type === 'Delimiter' || e.type === 'Quotes')) return null;
  return { headings, rows: parsed.data };
}

export type Mapping = Record<ClientImportField, string | null>;

/** Each field's column, guessed from the headings (the first heading that fits a field takes it). */
export function guessMapping(headings: readonly string[]): Mapping {
  const mapping = Object.fromEntries(CLIENT_IMPORT_FIELDS.map((f) => [f, null])) as Mapping;
  for (const h of headings) {
    const field = guessImportField(h);
    if (field && !mapping[field]) mapping[field] = h;
  }
  return mapping;
}

/**
 * The rows as the API takes them: each field's cell from its mapped column. Empty cells and
 * unmapped fields are left out (the rules read them as empty), so a 5,000-row file stays small.
 */
export function mapRows(file: CsvFile, mapping: Mapping): ClientImportRow[] {
  return file.rows.map(
    (r) =>
      Object.fromEntries(
        CLIENT_IMPORT_FIELDS.flatMap((f) => {
          const cell = mapping[f] ? (r[mapping[f]!] ?? '') : '';
          return cell.trim() ? [[f, cell]] : [];
        }),
      ) as ClientImportRow,
  );
}
