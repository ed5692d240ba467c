import { Button, Group, ScrollArea, Table } from '@mantine/core';
import Papa from 'papaparse';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FigureColumn {
  readonly label: string;
  readonly numeric?: boolean;
}

export interface FigureRow {
  readonly key: string;
  /** What the table shows (links to the cases behind a figure). */
  readonly cells: readonly ReactNode[];
  /** The same row as plain values for the CSV file. */
  readonly csv: ReadonlyArray<string | number | null>;
}

/** Saves rows as a CSV file (papaparse writes it; quotes and commas are escaped there). */
export function downloadCsv(fileName: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): void {
  const text = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map((v) => v ?? '')) });
  // A byte-order mark so spreadsheet programs read accents (Spanish names) correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser starts the download after this returns: revoked at once, the file was sometimes
  // never saved (a busy phone in the e2e). Let it go once the download surely has its bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The figures of a chart as a real table (readable without color, by screen readers, on a phone), with a CSV download. */
export function FigureTable({ caption, columns, rows, fileName }: { caption: string; columns: readonly FigureColumn[]; rows: readonly FigureRow[]; fileName: string }) {
  const { t } = useTranslation();
  return (
    <div>
      {/* On a phone the table scrolls sideways: the scroll area takes keyboard focus so it can be scrolled without a mouse. */}
      <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': caption }}>
        <Table striped withTableBorder highlightOnHover captionSide="top" miw={columns.length > 4 ? 560 : undefined}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.label} ta={c.numeric ? 'right' : 'left'} scope="col">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <Table.Th key={i} scope="row" fw={500}>
                      {cell}
                    </Table.Th>
                  ) : (
                    <Table.Td key={i} ta={columns[i]?.numeric ? 'right' : 'left'}>
                      {cell}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="flex-end" mt="xs">
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            downloadCsv(
              fileName,
              columns.map((c) => c.label),
              rows.map((r) => r.csv),
            )
          }
        >
          {t('dashboards.table.csv')}
        </Button>
      </Group>
    </div>
  );
}
