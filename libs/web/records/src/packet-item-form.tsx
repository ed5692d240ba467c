import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { PacketItemKind, ResponsibleParty, defaultResponsibleFor, type PacketItemState } from '@second-look/domain';
import { AutoTextarea, DraftConflict, ErrorAlert, errorCode } from '@second-look/web-ui';
import { AddPacketItemMutation, type PacketItem } from '@second-look/contracts/graphql';
import { HolderSelect } from './holder-select';
import { KINDS, RESPONSIBLES } from './labels';
import { usePacketItemUpdate } from './use-packet-item-update';
import { addAreaStrings, enumsWords, recordsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, recordsWords);

/** Adds an item to a case's packet. Staff also pick the source from the directory. */
export function AddPacketItemForm(props: { caseId: string; staff: boolean; onDone: (kind: PacketItemKind | null) => void }) {
  const { t } = useTranslation();
  const prefix = useId();
  const [kind, setKind] = useState<PacketItemKind>(PacketItemKind.OTHER);
  const [title, setTitle] = useState('');
  const [holderId, setHolderId] = useState<string | null>(null);
  const [responsible, setResponsible] = useState<ResponsibleParty>(defaultResponsibleFor(PacketItemKind.OTHER));
  const [notes, setNotes] = useState('');
  const [result, add] = useMutation(AddPacketItemMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await add({
      input: { caseId: props.caseId, kind, title: title.trim() || null, holderId, responsible, notes: notes.trim() || null },
    });
    if (res.data?.addPacketItem) props.onDone(kind);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <Stack gap="sm">
        <h3 id={`${prefix}-heading`} className="sl-visually-hidden">
          {t('records.addItemHeading')}
        </h3>
        <Select
          label={t('records.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`enums.packetKind.${k}`) }))}
          value={kind}
          onChange={(v) => {
            if (!v) return;
            setKind(v as PacketItemKind);
            setResponsible(defaultResponsibleFor(v as PacketItemKind));
          }}
          description={t(`enums.packetKindHelp.${kind}`)}
          allowDeselect={false}
        />
        <TextInput label={t('records.itemTitle')} description={t('records.itemTitleHelp')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {props.staff ? <HolderSelect label={t('records.source')} value={holderId} onChange={(id) => setHolderId(id)} allowNone /> : null}
        <Select
          label={t('records.responsible')}
          data={RESPONSIBLES.map((r) => ({ value: r, label: t(`enums.responsible.${r}`) }))}
          value={responsible}
          onChange={(v) => v && setResponsible(v as ResponsibleParty)}
          allowDeselect={false}
        />
        <AutoTextarea label={t('records.notes')} description={t('records.notesHelp')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} minRows={2} />
        <ErrorAlert error={result.error} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('records.add')}
          </Button>
          <Button variant="subtle" onClick={() => props.onDone(null)} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface Draft {
  title: string;
  holderId: string | null;
  state: PacketItemState;
  responsible: ResponsibleParty;
  notes: string;
  staffNotes: string;
}

const draftOf = (item: PacketItem): Draft => ({
  title: item.title,
  holderId: item.holder?.id ?? null,
  state: item.state,
  responsible: item.responsible,
  notes: item.notes,
  staffNotes: item.staffNotes ?? '',
});

/**
 * Edits one item. Only fields the user changed are sent, against the version they started
 * from; the state offers only the moves the item allows from where it is now.
 */
export function EditPacketItemForm(props: { item: PacketItem; staff: boolean; reload: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { item } = props;
  const [base] = useState<{ draft: Draft; version: number }>(() => ({ draft: draftOf(item), version: item.version }));
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const { save, saving, error, stale, conflict } = usePacketItemUpdate(item.id, props.reload);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const latest = draftOf(item);
  const showLatest = stale;

  const submit = async (e?: FormEvent, againstVersion?: number) => {
    e?.preventDefault();
    // After a stale save the user has seen the newer version: compare and save against it.
    const against = stale ? latest : base.draft;
    const changes: Record<string, unknown> = {};
    (Object.keys(draft) as Array<keyof Draft>).forEach((k) => {
      if (draft[k] !== against[k]) changes[k] = k === 'title' || k === 'notes' || k === 'staffNotes' ? String(draft[k]).trim() : draft[k];
    });
    if (!props.staff) delete changes['staffNotes'];
    if (changes['holderId'] === null) delete changes['holderId']; // the API keeps a source once set
    if (!Object.keys(changes).length) {
      props.onDone();
      return;
    }
    const ok = await save(changes, againstVersion ?? (stale ? item.version : base.version));
    if (ok) props.onDone();
  };

  const stateOptions = [item.state, ...item.allowedStateMoves.filter((s) => s !== item.state)];
  const describe = (value: string) => (showLatest ? `${t('records.latestSaved')} ${value || '—'}` : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DraftConflict
          // "Use theirs" closes the form: opened again, it starts from what is saved now.
          form={{ draft, theirs: stale ? latest : null, keepMine: () => submit(undefined, conflict?.currentVersion), takeTheirs: props.onDone }}
          fields={(mine, theirs) => [
            { label: t('records.itemTitle'), mine: mine.title, theirs: theirs.title },
            { label: t('records.state'), mine: t(`enums.packetState.${mine.state}`), theirs: t(`enums.packetState.${theirs.state}`) },
            { label: t('records.responsible'), mine: t(`enums.responsible.${mine.responsible}`), theirs: t(`enums.responsible.${theirs.responsible}`) },
            { label: t('records.notes'), mine: mine.notes, theirs: theirs.notes },
            ...(props.staff ? [{ label: t('records.staffNotes'), mine: mine.staffNotes, theirs: theirs.staffNotes }] : []),
          ]}
          busy={saving}
        />
        <TextInput label={t('records.itemTitle')} value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} description={describe(latest.title)} />
        <Select
          label={t('records.state')}
          data={stateOptions.map((s) => ({ value: s, label: t(`enums.packetState.${s}`) }))}
          value={draft.state}
          onChange={(v) => v && set('state', v as PacketItemState)}
          allowDeselect={false}
          description={describe(t(`enums.packetState.${latest.state}`))}
        />
        {props.staff ? <HolderSelect label={t('records.source')} value={draft.holderId} onChange={(id) => set('holderId', id)} allowNone={!item.holder} /> : null}
        <Select
          label={t('records.responsible')}
          data={RESPONSIBLES.map((r) => ({ value: r, label: t(`enums.responsible.${r}`) }))}
          value={draft.responsible}
          onChange={(v) => v && set('responsible', v as ResponsibleParty)}
          allowDeselect={false}
          description={describe(t(`enums.responsible.${latest.responsible}`))}
        />
        <AutoTextarea
          label={t('records.notes')}
          description={showLatest ? describe(latest.notes) : t('records.notesHelp')}
          value={draft.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          minRows={2}
        />
        {props.staff ? (
          <AutoTextarea
            label={t('records.staffNotes')}
            description={showLatest ? describe(latest.staffNotes) : t('records.staffNotesHelp')}
            value={draft.staffNotes}
            onChange={(e) => set('staffNotes', e.currentTarget.value)}
            minRows={2}
          />
        ) : null}
        {errorCode(error) !== 'STALE_VERSION' ? <ErrorAlert error={error} /> : null}
        <Group>
          <Button type="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button variant="subtle" onClick={props.onDone} disabled={saving}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
