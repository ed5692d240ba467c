import { Button, Checkbox, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ProviderNetworkStatus, ProviderVisitMode } from '@second-look/domain';
import { AutoTextarea, DraftConflict, ErrorAlert, errorCode, fieldErrors, theirsFrom, useVersionedDraft, type ConflictField } from '@second-look/web-ui';
import {
  AddProviderCandidateMutation,
  CreateDirectoryProviderMutation,
  ProviderDirectoryQuery,
  UpdateProviderCandidateMutation,
  type CandidateFieldsInput,
  type ProviderCandidate,
} from '@second-look/contracts/graphql';
import { addAreaStrings, providersWords } from '@second-look/web-i18n';

addAreaStrings(providersWords);

const NETWORKS = Object.values(ProviderNetworkStatus);
const MODES = Object.values(ProviderVisitMode);

interface Form {
  name: string;
  specialty: string;
  subSpecialty: string;
  institution: string;
  academicCentre: boolean;
  otherHealthSystem: boolean;
  network: ProviderNetworkStatus;
  visitMode: ProviderVisitMode;
  expectedWaitDays: number | '';
  referredBy: string;
  notes: string;
  staffNotes: string;
}

const blank: Form = {
  name: '',
  specialty: '',
  subSpecialty: '',
  institution: '',
  academicCentre: false,
  otherHealthSystem: false,
  network: ProviderNetworkStatus.UNKNOWN,
  visitMode: ProviderVisitMode.IN_PERSON,
  expectedWaitDays: '',
  referredBy: '',
  notes: '',
  staffNotes: '',
};

const fromCandidate = (c: ProviderCandidate): Form => ({
  name: c.name,
  specialty: c.specialty,
  subSpecialty: c.subSpecialty,
  institution: c.institution,
  academicCentre: c.academicCentre,
  otherHealthSystem: c.otherHealthSystem,
  network: c.network,
  visitMode: c.visitMode,
  expectedWaitDays: c.expectedWaitDays ?? '',
  referredBy: c.referredBy,
  notes: c.notes,
  staffNotes: c.staffNotes ?? '',
});

const fieldsOf = (form: Form, staff: boolean): CandidateFieldsInput => ({
  name: form.name,
  specialty: form.specialty,
  subSpecialty: form.subSpecialty,
  institution: form.institution,
  academicCentre: form.academicCentre,
  otherHealthSystem: form.otherHealthSystem,
  network: form.network,
  visitMode: form.visitMode,
  expectedWaitDays: form.expectedWaitDays === '' ? null : form.expectedWaitDays,
  referredBy: form.referredBy,
  notes: form.notes,
  ...(staff ? { staffNotes: form.staffNotes } : {}),
});

/** Add a candidate (from the directory for staff, or typed in) or edit one. */
export function CandidateForm(props: { caseId: string; staff: boolean; candidate?: ProviderCandidate; onDone: (name?: string) => void }) {
  const { t } = useTranslation();
  const editing = props.candidate;
  const [directoryId, setDirectoryId] = useState<string | null>(null);
  const [directory] = useQuery({ query: ProviderDirectoryQuery, variables: { search: null }, pause: !props.staff || !!editing });
  const [addResult, add] = useMutation(AddProviderCandidateMutation);
  const [updateResult, update] = useMutation(UpdateProviderCandidateMutation);
  // An edit is saved against the version the form opened with (live updates refresh the
  // candidate under it): a change someone else saved meanwhile shows as a conflict.
  const versioned = useVersionedDraft({
    live: editing ? fromCandidate(editing) : blank,
    liveVersion: editing?.version ?? null,
    send: (f, expectedVersion) => update({ input: { id: editing?.id ?? '', expectedVersion: expectedVersion ?? 0, ...fieldsOf(f, props.staff) } }),
    savedVersion: (data) => data.updateProviderCandidate.providerCandidates.find((c) => c.id === editing?.id)?.version,
    theirs: (current, live) => {
      // A patient is never sent the staff notes, so theirs are complete without them.
      const { theirs, complete } = theirsFrom(current, live);
      return {
        theirs: { ...theirs, expectedWaitDays: current['expectedWaitDays'] === null ? '' : theirs.expectedWaitDays, staffNotes: theirs.staffNotes ?? '' },
        complete: complete || (!props.staff && current['name'] !== undefined),
      };
    },
  });
  const form = versioned.draft;
  const setForm = versioned.setDraft;
  const [directoryResult, addToDirectory] = useMutation(CreateDirectoryProviderMutation);
  const [saveToDirectory, setSaveToDirectory] = useState(false);
  const result = editing ? updateResult : directoryResult.error ? directoryResult : addResult;
  const errs = fieldErrors(result.error);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const entries = directory.data?.providerDirectory ?? [];
  const conflictFields = (mine: Form, theirs: Form): ConflictField[] => {
    const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
    const rows: [string, (f: Form) => string][] = [
      [t('providers.name'), (f) => f.name.trim()],
      [t('providers.specialty'), (f) => f.specialty.trim()],
      [t('providers.subSpecialty'), (f) => f.subSpecialty.trim()],
      [t('providers.institution'), (f) => f.institution.trim()],
      [t('providers.academicCentreField'), (f) => yesNo(f.academicCentre)],
      [t('providers.otherHealthSystemField'), (f) => yesNo(f.otherHealthSystem)],
      [t('providers.networkField'), (f) => t(`providers.network.${f.network}`)],
      [t('providers.visitModeField'), (f) => t(`providers.visitMode.${f.visitMode}`)],
      [t('providers.waitField'), (f) => (f.expectedWaitDays === '' ? '' : String(f.expectedWaitDays))],
      [t('providers.referredByField'), (f) => f.referredBy.trim()],
      [t('providers.notes'), (f) => f.notes.trim()],
      ...(props.staff ? ([[t('providers.staffNotes'), (f: Form) => f.staffNotes.trim()]] as [string, (f: Form) => string][]) : []),
    ];
    return rows.map(([label, show]) => ({ label, mine: show(mine), theirs: show(theirs) }));
  };

  const pickDirectory = (id: string | null) => {
    setDirectoryId(id);
    const e = entries.find((x) => x.id === id);
    if (e) setForm((f) => ({ ...f, name: e.name, specialty: e.specialty, subSpecialty: e.subSpecialty, institution: e.institution, academicCentre: e.academicCentre, visitMode: e.visitMode }));
  };

  const done = async (saving: () => Promise<unknown>) => {
    if (await saving()) props.onDone();
  };
  const submit = async () => {
    const fields = fieldsOf(form, props.staff);
    if (editing) {
      await done(versioned.save);
    } else {
      let entryId = directoryId;
      // Staff may keep a new provider for later cases too: the directory entry first, then the candidate from it.
      if (props.staff && !directoryId && saveToDirectory) {
        const d = await addToDirectory({
          input: {
            name: form.name,
            specialty: form.specialty,
            subSpecialty: form.subSpecialty,
            institution: form.institution,
            academicCentre: form.academicCentre,
            visitMode: form.visitMode,
            notes: '',
          },
        });
        if (!d.data?.createDirectoryProvider) return;
        entryId = d.data.createDirectoryProvider.id;
        setDirectoryId(entryId);
      }
      const r = await add({ input: { caseId: props.caseId, directoryEntryId: entryId, ...fields } });
      if (r.data?.addProviderCandidate) props.onDone(form.name.trim());
    }
  };

  return (
    <Stack gap="sm">
      {props.staff && !editing && entries.length ? (
        <Select
          label={t('providers.fromDirectory')}
          placeholder={t('providers.fromDirectoryPlaceholder')}
          data={entries.map((e) => ({ value: e.id, label: `${e.name} · ${e.specialty}${e.subSpecialty ? ` (${e.subSpecialty})` : ''}` }))}
          value={directoryId}
          onChange={pickDirectory}
          searchable
          clearable
        />
      ) : null}
      <TextInput label={t('providers.name')} required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errs['name']} />
      <TextInput label={t('providers.specialty')} required value={form.specialty} onChange={(e) => set('specialty', e.currentTarget.value)} error={errs['specialty']} />
      <TextInput label={`${t('providers.subSpecialty')} (${t('common.optional')})`} value={form.subSpecialty} onChange={(e) => set('subSpecialty', e.currentTarget.value)} />
      <TextInput label={`${t('providers.institution')} (${t('common.optional')})`} value={form.institution} onChange={(e) => set('institution', e.currentTarget.value)} />
      <Checkbox label={t('providers.academicCentreField')} checked={form.academicCentre} onChange={(e) => set('academicCentre', e.currentTarget.checked)} />
      <Checkbox label={t('providers.otherHealthSystemField')} checked={form.otherHealthSystem} onChange={(e) => set('otherHealthSystem', e.currentTarget.checked)} />
      <Select
        label={t('providers.networkField')}
        data={NETWORKS.map((n) => ({ value: n, label: t(`providers.network.${n}`) }))}
        value={form.network}
        onChange={(v) => v && set('network', v as ProviderNetworkStatus)}
        allowDeselect={false}
      />
      <Select
        label={t('providers.visitModeField')}
        data={MODES.map((m) => ({ value: m, label: t(`providers.visitMode.${m}`) }))}
        value={form.visitMode}
        onChange={(v) => v && set('visitMode', v as ProviderVisitMode)}
        allowDeselect={false}
      />
      <NumberInput
        label={`${t('providers.waitField')} (${t('common.optional')})`}
        min={0}
        max={365}
        allowDecimal={false}
        value={form.expectedWaitDays}
        onChange={(v) => set('expectedWaitDays', typeof v === 'number' ? v : '')}
        error={errs['expectedWaitDays']}
      />
      <TextInput label={`${t('providers.referredByField')} (${t('common.optional')})`} value={form.referredBy} onChange={(e) => set('referredBy', e.currentTarget.value)} />
      <AutoTextarea label={`${t('providers.notes')} (${t('common.optional')})`} minRows={2} value={form.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
      {props.staff && !editing && !directoryId ? <Checkbox label={t('providers.saveToDirectory')} checked={saveToDirectory} onChange={(e) => setSaveToDirectory(e.currentTarget.checked)} /> : null}
      {props.staff ? <AutoTextarea label={t('providers.staffNotes')} minRows={2} value={form.staffNotes} onChange={(e) => set('staffNotes', e.currentTarget.value)} className="sl-internal" /> : null}
      <DraftConflict form={versioned} fields={conflictFields} busy={result.fetching} onSave={done} />
      <ErrorAlert error={Object.keys(errs).length || errorCode(result.error) === 'STALE_VERSION' ? undefined : result.error} />
      <Group>
        <Button loading={result.fetching || directoryResult.fetching} onClick={submit}>
          {t('providers.saveCandidate')}
        </Button>
        <Button variant="subtle" onClick={() => props.onDone()}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
