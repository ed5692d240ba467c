import { Alert, Button, Checkbox, FileInput, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useClient, useMutation } from 'urql';
import { ClientImportQuery, ImportClientsMutation, LatestClientImportQuery, type ImportClientsMutationData } from '@second-look/contracts/graphql';
import { CLIENT_IMPORT_FIELDS, CLIENT_IMPORT_MAX_BYTES, CLIENT_IMPORT_MAX_ROWS, type ClientImportField } from '@second-look/domain';
import { addAreaStrings, clientImportEn, clientImportEs } from '@second-look/web-i18n';
import { ErrorAlert, PageTitle } from '@second-look/web-ui';
import { guessMapping, mapRows, readCsv, type CsvFile, type Mapping } from './import-csv';

type Result = ImportClientsMutationData['importClients'];
type Run = NonNullable<Result['run']>;

/** How often the page asks how a running import is doing. */
const POLL_MS = 1000;
const active = (run: Run | null): boolean => run?.status === 'QUEUED' || run?.status === 'RUNNING';

addAreaStrings({ en: { clientImport: clientImportEn }, es: { clientImport: clientImportEs } });

/**
 * Import clients from a spreadsheet (docs/import.md): choose a CSV file, say which column holds
 * what (guessed from the headings), check it (per-row problems, new and existing clients, nothing
 * written), then import it: the import runs in the background and the page follows it with a
 * progress bar (asking every second), also after leaving and coming back. Coordinators and admins.
 */
export function ImportClientsPage() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<(CsvFile & { name: string }) | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [invite, setInvite] = useState(false);
  const [checked, setChecked] = useState<Result | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [state, importClients] = useMutation(ImportClientsMutation);
  const client = useClient();
  const number = (n: number) => n.toLocaleString(i18n.language);

  // Coming back to the page: the organization's latest import, running or finished.
  useEffect(() => {
    let gone = false;
    void client
      .query(LatestClientImportQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((res) => {
        if (!gone && res.data?.latestClientImport) setRun((now) => now ?? res.data!.latestClientImport);
      });
    return () => {
      gone = true;
    };
  }, [client]);
  // While it runs: ask again every second until it is done or failed.
  const runId = run?.id;
  const runActive = active(run);
  useEffect(() => {
    if (!runId || !runActive) return;
    const timer = setTimeout(() => {
      void client
        .query(ClientImportQuery, { id: runId }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((res) => {
          if (res.data) setRun((now) => (now?.id === runId ? res.data!.clientImport : now));
        });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [client, runId, runActive, run]);

  const choose = async (picked: File | null) => {
    setChecked(null);
    // A finished import's outcome gives way to the new file; a running one stays in view.
    setRun((now) => (active(now) ? now : null));
    setFileProblem(null);
    if (!picked) return setFile(null);
    const csv = readCsv(await picked.text());
    if (!csv) return setFileProblem(t('clientImport.readFailed'));
    if (!csv.rows.length) return setFileProblem(t('clientImport.empty'));
    if (csv.rows.length > CLIENT_IMPORT_MAX_ROWS) return setFileProblem(t('clientImport.tooMany', { count: csv.rows.length, max: number(CLIENT_IMPORT_MAX_ROWS) }));
    // The same headings as the last file (a corrected copy) keep the columns chosen.
    const same = file && file.headings.join('\u0000') === csv.headings.join('\u0000');
    setMapping(same && mapping ? mapping : guessMapping(csv.headings));
    setFile({ ...csv, name: picked.name });
  };
  const send = async (dryRun: boolean) => {
    if (!file || !mapping) return;
    const rows = mapRows(file, mapping);
    if (new TextEncoder().encode(JSON.stringify(rows)).length > CLIENT_IMPORT_MAX_BYTES) return setFileProblem(t('clientImport.tooBig'));
    const res = await importClients({ input: { rows, invitePatients: invite, dryRun } });
    const answer = res.data?.importClients ?? null;
    if (answer?.run) {
      setRun(answer.run);
      setChecked(null);
    } else setChecked(answer);
  };
  const columnOf = (field: string) => (mapping ? mapping[field as ClientImportField] : null) ?? '';
  const options = file ? [{ value: '', label: t('clientImport.notInFile') }, ...file.headings.map((h) => ({ value: h, label: h }))] : [];

  return (
    <Stack gap="lg" maw={860}>
      <div>
        <PageTitle title={t('clientImport.title')}>{t('clientImport.title')}</PageTitle>
        <Text mt="xs">{t('clientImport.intro')}</Text>
        <Text mt="xs" size="sm" c="gray.8">
          {t('clientImport.rules')}
        </Text>
      </div>
      <FileInput
        label={t('clientImport.file')}
        description={t('clientImport.fileHelp', { max: number(CLIENT_IMPORT_MAX_ROWS) })}
        accept=".csv,text/csv"
        onChange={(f) => void choose(f)}
        error={fileProblem}
      />
      {file && mapping && (
        <Stack gap="md" component="section" aria-labelledby="import-mapping">
          <Text size="sm" role="status">
            {t('clientImport.rowsRead', { count: file.rows.length, name: file.name })}
          </Text>
          <Title order={2} size="h3" id="import-mapping">
            {t('clientImport.mapping')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {CLIENT_IMPORT_FIELDS.map((field) => (
              <Select
                key={field}
                label={t(`clientImport.field.${field}`)}
                data={options}
                value={columnOf(field)}
                allowDeselect={false}
                onChange={(v) => {
                  setMapping({ ...mapping, [field]: v || null });
                  setChecked(null);
                }}
              />
            ))}
          </SimpleGrid>
          <Checkbox label={t('clientImport.invite')} checked={invite} onChange={(e) => setInvite(e.currentTarget.checked)} />
          <ErrorAlert error={state.error} />
          <Group>
            <Button variant="default" onClick={() => void send(true)} loading={state.fetching}>
              {t('clientImport.check')}
            </Button>
            <Button onClick={() => void send(false)} disabled={!checked || checked.errors.length > 0 || checked.newClients === 0 || runActive} loading={state.fetching}>
              {t('clientImport.import')}
            </Button>
          </Group>
          {runActive && checked && (
            <Text size="sm" c="gray.8">
              {t('clientImport.busy')}
            </Text>
          )}
        </Stack>
      )}
      {checked && <CheckResult result={checked} />}
      {run && <RunState run={run} />}
    </Stack>
  );
}

/** A part of the page under its own heading (the run, the problems found). */
function Part({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {heading}
      </Title>
      {children}
    </Stack>
  );
}

/** An import started: its progress while it runs, then what came of it. */
function RunState({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language);
  const startedBy = (
    <Text size="sm" c="gray.8">
      {t('clientImport.startedBy', { name: run.startedByName })}
    </Text>
  );
  if (active(run)) {
    const percent = run.totalRows ? Math.round((run.rowsDone / run.totalRows) * 100) : 0;
    const words = run.status === 'QUEUED' ? t('clientImport.queued') : t('clientImport.progress', { done: number(run.rowsDone), total: number(run.totalRows) });
    return (
      <Part id="import-run" heading={t('clientImport.runHeading')}>
        <Progress value={percent} size="lg" animated aria-label={t('clientImport.progressLabel')} />
        <Text role="status">{words}</Text>
        {startedBy}
        <Text size="sm">{t('clientImport.keepsGoing')}</Text>
      </Part>
    );
  }
  return (
    <Part id="import-run" heading={t('clientImport.lastRunHeading')}>
      {run.status === 'DONE' ? (
        <Alert color="green" variant="light" role="status">
          <Text>{t('clientImport.done', { fresh: number(run.newClients ?? 0), existing: number(run.existingClients ?? 0) })}</Text>
          {(run.invited ?? 0) > 0 && <Text>{t('clientImport.doneInvited', { count: run.invited ?? 0 })}</Text>}
          <Text mt="xs">
            <Link to="/cases">{t('clientImport.openCases')}</Link>
          </Text>
        </Alert>
      ) : (
        <Alert color="red" variant="light" role="alert">
          {run.problems ? t('clientImport.failedProblems', { count: run.problems }) : t('clientImport.failed')}
        </Alert>
      )}
      {startedBy}
    </Part>
  );
}

function CheckResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  if (!result.errors.length) {
    return (
      <Alert color="blue" variant="light" role="status">
        {t('clientImport.checked', { fresh: result.newClients, existing: result.existingClients })}
      </Alert>
    );
  }
  return (
    <Part id="import-problems" heading={t('clientImport.problemsHeading')}>
      <Text role="alert">{t('clientImport.problemsIntro', { count: result.errors.length })}</Text>
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('clientImport.row')}</Table.Th>
              <Table.Th scope="col">{t('clientImport.column')}</Table.Th>
              <Table.Th scope="col">{t('clientImport.problemLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e) => (
              <Table.Tr key={`${e.row}-${e.field}-${e.problem}`}>
                {/* The spreadsheet's own row number: its first row holds the headings. */}
                <Table.Td>{t('clientImport.rowNumber', { row: e.row + 1 })}</Table.Td>
                <Table.Td>{t(`clientImport.field.${e.field}`)}</Table.Td>
                <Table.Td>{t(`clientImport.problem.${e.problem}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Part>
  );
}
