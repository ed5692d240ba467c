import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { LEGAL_MAX_TOTAL_DAYS } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { AutoTextarea, Dialog, DraftConflict, ErrorAlert, errorCode, fieldErrors, useVersionedDraft, addDays, formatDay, formatMoney, isDay, orgToday } from '@second-look/web-ui';
import {
  LogRecordFollowUpMutation,
  MarkRecordsReceivedMutation,
  RecordLegalExtensionMutation,
  SetRecordRequestFeeMutation,
  SetRecordRequestHolderReceivedOnMutation,
  type FollowUpChannel,
  type ActionableRecordRequest,
} from '@second-look/contracts/graphql';
import { CHANNELS, itemName } from './labels';
import { addAreaStrings, enumsWords, recordsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, recordsWords);

type Action = 'followUp' | 'extension' | 'received' | 'fee' | 'holderReceived';

function FormButtons({ loading, onCancel, label }: { loading: boolean; onCancel: () => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
      <Button variant="subtle" onClick={onCancel} disabled={loading}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}

function FollowUpForm({ request, onDone }: { request: ActionableRecordRequest; onDone: (msg: string | null) => void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<FollowUpChannel>('CALL');
  const [outcome, setOutcome] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, log] = useMutation(LogRecordFollowUpMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!outcome.trim()) return;
    const res = await log({ input: { requestId: request.id, channel, outcome: outcome.trim() } });
    if (res.data) onDone(t('records.followUpLogged'));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('records.channel')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`enums.followUpChannel.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v as FollowUpChannel)}
          allowDeselect={false}
        />
        <AutoTextarea
          label={t('records.outcome')}
          description={t('records.outcomeHelp')}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          required
          data-autofocus
          error={(touched && !outcome.trim() ? t('validation.required') : undefined) ?? fieldErrors(result.error)['outcome']}
        />
        <ErrorAlert error={result.error} />
        <FormButtons loading={result.fetching} onCancel={() => onDone(null)} label={t('common.save')} />
      </Stack>
    </form>
  );
}

function ExtensionForm({ request, onDone }: { request: ActionableRecordRequest; onDone: (msg: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const max = addDays(request.holderReceivedOn ?? request.sentOn, LEGAL_MAX_TOTAL_DAYS);
  const [newDueOn, setNewDueOn] = useState(max);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, extend] = useMutation(RecordLegalExtensionMutation);
  const server = fieldErrors(result.error);
  const dateError = !touched
    ? undefined
    : !isDay(newDueOn)
      ? t('records.dateRequired')
      : newDueOn > max
        ? t('records.extensionTooLate', { max: formatDay(max, i18n.language) })
        : newDueOn <= request.legal.dueOn
          ? t('records.extensionTooEarly', { current: formatDay(request.legal.dueOn, i18n.language) })
          : undefined;
  const reasonError = touched && !reason.trim() ? t('validation.required') : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isDay(newDueOn) || newDueOn > max || newDueOn <= request.legal.dueOn || !reason.trim()) return;
    const res = await extend({ input: { requestId: request.id, newDueOn, reason: reason.trim() } });
    if (res.data) onDone(t('records.extensionRecorded', { when: formatDay(res.data.recordLegalExtension.legal.dueOn, i18n.language) }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('records.extensionHelp', { max: formatDay(max, i18n.language) })}</Text>
        <TextInput
          type="date"
          label={t('records.newDueOn')}
          value={newDueOn}
          min={addDays(request.legal.dueOn, 1)}
          max={max}
          onChange={(e) => setNewDueOn(e.currentTarget.value)}
          required
          error={dateError ?? server['newDueOn']}
        />
        <AutoTextarea
          label={t('records.reason')}
          description={t('records.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          error={reasonError ?? server['reason']}
        />
        <ErrorAlert error={result.error} />
        <FormButtons loading={result.fetching} onCancel={() => onDone(null)} label={t('common.save')} />
      </Stack>
    </form>
  );
}

function ReceivedForm({ request, onDone }: { request: ActionableRecordRequest; onDone: (msg: string | null) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const today = orgToday(viewer.organization.timeZone);
  const outstanding = request.items.filter((i) => !i.receivedOn && i.packetItem);
  const [chosen, setChosen] = useState<string[]>(outstanding.map((i) => i.packetItem!.id));
  const [receivedOn, setReceivedOn] = useState(today);
  const [touched, setTouched] = useState(false);
  const [result, mark] = useMutation(MarkRecordsReceivedMutation);
  const dateError = !touched
    ? undefined
    : !isDay(receivedOn)
      ? t('records.dateRequired')
      : receivedOn > today
        ? t('records.dateInFuture')
        : receivedOn < request.sentOn
          ? t('records.dateBeforeSent')
          : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!chosen.length || !isDay(receivedOn) || receivedOn > today || receivedOn < request.sentOn) return;
    const res = await mark({ input: { requestId: request.id, packetItemIds: chosen, receivedOn } });
    if (res.data) onDone(t('records.markedReceived', { count: chosen.length }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Checkbox.Group label={t('records.items')} value={chosen} onChange={setChosen} error={touched && !chosen.length ? t('records.chooseItems') : undefined}>
          <Stack gap="xs" mt="xs">
            {outstanding.map((i) => (
              <Checkbox key={i.packetItem!.id} value={i.packetItem!.id} label={itemName(t, i.packetItem!)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          type="date"
          label={t('records.receivedOn')}
          value={receivedOn}
          min={request.sentOn}
          max={today}
          onChange={(e) => setReceivedOn(e.currentTarget.value)}
          required
          error={dateError ?? fieldErrors(result.error)['receivedOn']}
        />
        <ErrorAlert error={result.error} />
        <FormButtons loading={result.fetching} onCancel={() => onDone(null)} label={t('records.markReceived')} />
      </Stack>
    </form>
  );
}

/**
 * Corrects when the holder received the request (the legal 30 days count from it). Saved
 * against the version the form opened with: if someone changed the date meanwhile, both dates
 * are shown and the person chooses (a change to other fields of the request is no conflict).
 */
function HolderReceivedForm({ request, onDone }: { request: ActionableRecordRequest; onDone: (msg: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const today = orgToday(viewer.organization.timeZone);
  const [touched, setTouched] = useState(false);
  const [result, setReceived] = useMutation(SetRecordRequestHolderReceivedOnMutation);
  const form = useVersionedDraft({
    live: { day: request.holderReceivedOn ?? request.sentOn },
    liveVersion: request.version,
    send: (d, expectedVersion) => setReceived({ input: { requestId: request.id, expectedVersion: expectedVersion ?? request.version, holderReceivedOn: d.day } }),
    savedVersion: (data) => data.setRecordRequestHolderReceivedOn.version,
    // Not known yet reads as the date sent, as the form starts (the 30 days count from it).
    theirs: (current, live) =>
      current['holderReceivedOn'] !== undefined ? { theirs: { day: (current['holderReceivedOn'] as string | null) ?? request.sentOn }, complete: true } : { theirs: live, complete: false },
  });
  const theirsUnknown = form.conflict?.current['holderReceivedOn'] === null;
  const { day } = form.draft;
  const dateError = !touched ? undefined : !isDay(day) ? t('records.dateRequired') : day > today ? t('records.dateInFuture') : day < request.sentOn ? t('records.dateBeforeSent') : undefined;
  const save = async (saving: () => Promise<unknown>) => {
    setTouched(true);
    if (!isDay(day) || day > today || day < request.sentOn) return;
    if (await saving()) onDone(t('records.holderReceivedSaved', { when: formatDay(day, i18n.language) }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(form.save);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('records.holderReceivedFormHelp')}</Text>
        <DraftConflict
          form={form}
          fields={(mine, theirs) => [
            { label: t('records.holderReceivedOnLabel'), mine: formatDay(mine.day, i18n.language), theirs: theirsUnknown ? t('records.holderReceivedUnknown') : formatDay(theirs.day, i18n.language) },
          ]}
          onSave={save}
          onClose={() => onDone(null)}
          busy={result.fetching}
        />
        <TextInput
          type="date"
          label={t('records.holderReceivedOnLabel')}
          value={day}
          min={request.sentOn}
          max={today}
          onChange={(e) => form.set('day', e.currentTarget.value)}
          required
          data-autofocus
          error={dateError ?? fieldErrors(result.error)['holderReceivedOn']}
        />
        {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
        {!form.conflict ? <FormButtons loading={result.fetching} onCancel={() => onDone(null)} label={t('common.save')} /> : null}
      </Stack>
    </form>
  );
}

const feeText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

/**
 * The fee the holder charged. Saved against the version the form opened with: if someone
 * changed the fee meanwhile, both amounts are shown and the person chooses.
 */
function FeeForm({ request, onDone }: { request: ActionableRecordRequest; onDone: (msg: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [touched, setTouched] = useState(false);
  const [result, setFee] = useMutation(SetRecordRequestFeeMutation);
  const toCents = (amount: string) => Math.round(Number(amount.trim().replace(',', '.')) * 100);
  const form = useVersionedDraft({
    live: { amount: feeText(request.feeCents) },
    liveVersion: request.version,
    send: (d, expectedVersion) => setFee({ input: { requestId: request.id, expectedVersion: expectedVersion ?? request.version, feeCents: toCents(d.amount) } }),
    savedVersion: (data) => data.setRecordRequestFee.version,
    theirs: (current, live) =>
      current['feeCents'] !== undefined ? { theirs: { amount: feeText((current['feeCents'] as number | null) ?? null) }, complete: true } : { theirs: live, complete: false },
  });
  const { amount } = form.draft;
  const isAmount = (a: string) => /^\d{1,7}([.,]\d{1,2})?$/.test(a.trim());
  const valid = isAmount(amount);
  const money = (a: string) => (a === '' ? t('records.feeNone') : isAmount(a) ? formatMoney(toCents(a), i18n.language) : a);
  const save = async (saving: () => Promise<unknown>) => {
    setTouched(true);
    if (!valid) return;
    if (await saving()) onDone(t('records.feeSaved'));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(form.save);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DraftConflict
          form={form}
          fields={(mine, theirs) => [{ label: t('records.feeAmount'), mine: money(mine.amount), theirs: money(theirs.amount) }]}
          onSave={save}
          onClose={() => onDone(null)}
          busy={result.fetching}
        />
        <TextInput
          label={t('records.feeAmount')}
          description={t('records.feeHelp')}
          value={amount}
          inputMode="decimal"
          onChange={(e) => form.set('amount', e.currentTarget.value)}
          required
          error={(touched && !valid ? t('records.feeInvalid') : undefined) ?? fieldErrors(result.error)['feeCents']}
        />
        {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
        {!form.conflict ? <FormButtons loading={result.fetching} onCancel={() => onDone(null)} label={t('common.save')} /> : null}
      </Stack>
    </form>
  );
}

/**
 * The things one does to an open request, each in a small dialog: the case page and the
 * coordinator board share them, and the result lands in the one cache so both update.
 */
export function RequestActions({ request, compact = false }: { request: ActionableRecordRequest; compact?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const holder = request.holder.name;
  const done = (msg: string | null) => {
    setOpen(null);
    if (msg) setNotice(msg);
  };
  const outstanding = request.items.some((i) => !i.receivedOn && i.packetItem);
  const size = compact ? 'xs' : 'sm';
  return (
    <Stack gap={6}>
      <Group gap="xs" role="group" aria-label={t('records.actions', { holder })}>
        <Button size={size} variant="default" onClick={() => setOpen('followUp')}>
          {compact ? t('records.logCall') : t('records.logFollowUp')}
        </Button>
        {!request.extensionReason && !request.completedOn ? (
          <Button size={size} variant="default" onClick={() => setOpen('extension')}>
            {t('records.recordExtension')}
          </Button>
        ) : null}
        {outstanding ? (
          <Button size={size} variant="default" onClick={() => setOpen('received')}>
            {t('records.markReceived')}
          </Button>
        ) : null}
        {!request.completedOn ? (
          <Button size={size} variant="default" onClick={() => setOpen('holderReceived')}>
            {t('records.setHolderReceived')}
          </Button>
        ) : null}
        {!compact ? (
          <Button size={size} variant="default" onClick={() => setOpen('fee')}>
            {t('records.setFee')}
          </Button>
        ) : null}
      </Group>
      {notice ? (
        <Text size="sm" c="teal.9" role="status">
          {notice}
        </Text>
      ) : null}
      <Dialog centered size="lg" opened={open === 'followUp'} onClose={() => setOpen(null)} title={t('records.logFollowUpHeading', { holder })}>
        <FollowUpForm request={request} onDone={done} />
      </Dialog>
      <Dialog centered size="lg" opened={open === 'extension'} onClose={() => setOpen(null)} title={t('records.extensionHeading', { holder })}>
        <ExtensionForm request={request} onDone={done} />
      </Dialog>
      <Dialog centered size="lg" opened={open === 'received'} onClose={() => setOpen(null)} title={t('records.markReceivedHeading', { holder })}>
        <ReceivedForm request={request} onDone={done} />
      </Dialog>
      <Dialog centered size="lg" opened={open === 'holderReceived'} onClose={() => setOpen(null)} title={t('records.holderReceivedHeading', { holder })}>
        <HolderReceivedForm request={request} onDone={done} />
      </Dialog>
      <Dialog centered size="lg" opened={open === 'fee'} onClose={() => setOpen(null)} title={t('records.feeHeading', { holder })}>
        <FeeForm request={request} onDone={done} />
      </Dialog>
    </Stack>
  );
}
