import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Role, isStaffRole, type Language } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { AutoTextarea, ErrorAlert, LanguageChoice, fieldErrors, isDay, orgToday } from '@second-look/web-ui';
import { CreateRecordRequestMutation, type CaseDetail, type PacketItem, type RecordHolder, type RecordHolderInput, type RecordRequest, type RequestMethod } from '@second-look/contracts/graphql';
import { HolderSelect } from './holder-select';
import { isOutstanding, itemName, METHODS } from './labels';
import { draftLetterText } from './letter';
import { addAreaStrings, enumsWords, recordsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, recordsWords);

/**
 * Asks one record holder for some packet items. The letter starts as the domain's draft
 * (the patient's own voice, the items in words a records office acts on) and stays
 * editable; what is saved is what was sent, and what the PDF prints.
 */
export function NewRequestForm(props: { item: CaseDetail; packet: PacketItem[]; onDone: (created: RecordRequest | null) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const today = orgToday(viewer.organization.timeZone);
  const choosable = props.packet.filter((p) => isOutstanding(p.state));
  const [holder, setHolder] = useState<RecordHolder | null>(null);
  const [holderId, setHolderId] = useState<string | null>(null);
  // Patients and caregivers name a holder that is not in the directory yet: it is saved with the request.
  const [newHolder, setNewHolder] = useState<RecordHolderInput | null>(null);
  const staff = isStaffRole(viewer.role);
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [method, setMethod] = useState<RequestMethod>('FAX');
  const [sentOn, setSentOn] = useState(today);
  const [holderReceivedOn, setHolderReceivedOn] = useState('');
  const [withLetter, setWithLetter] = useState(true);
  // English by default: the holder is a US office. Both letters of the request use it.
  const [letterLanguage, setLetterLanguage] = useState<Language>('en');
  const [editedLetter, setEditedLetter] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [result, create] = useMutation(CreateRecordRequestMutation);
  const server = fieldErrors(result.error);

  const chooseHolder = (id: string | null, h: RecordHolder | null) => {
    setHolderId(id);
    setHolder(h);
    setNewHolder(null);
    // Items already waiting on this holder are the likely ones to ask for.
    if (id && !itemIds.length) setItemIds(choosable.filter((p) => p.holder?.id === id).map((p) => p.id));
  };

  const patientEmail = props.item.participants.find((p) => p.role === Role.PATIENT)?.user.email ?? null;
  const draft = useMemo(() => {
    if (!holder) return null;
    const chosen = props.packet.filter((p) => itemIds.includes(p.id));
    return draftLetterText({
      patientName: props.item.patientName,
      patientEmail,
      holder,
      items: chosen.map((p) => ({ kind: p.kind, title: p.title })),
      method,
      sentOn: isDay(sentOn) ? sentOn : today,
      organizationName: viewer.organization.name,
      advocateName: props.item.leadAdvocate?.displayName ?? null,
      language: letterLanguage,
    });
  }, [holder, itemIds, method, sentOn, today, patientEmail, props.item, props.packet, viewer.organization.name, letterLanguage]);
  const letter = editedLetter ?? draft ?? '';

  const sentError = !touched ? undefined : !isDay(sentOn) ? t('records.dateRequired') : sentOn > today ? t('records.dateInFuture') : undefined;
  const receivedError =
    !touched || !holderReceivedOn
      ? undefined
      : !isDay(holderReceivedOn)
        ? t('records.dateRequired')
        : holderReceivedOn > today
          ? t('records.dateInFuture')
          : holderReceivedOn < sentOn
            ? t('records.dateBeforeSent')
            : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if ((!holderId && !newHolder) || !itemIds.length || !isDay(sentOn) || sentOn > today) return;
    if (holderReceivedOn && (!isDay(holderReceivedOn) || holderReceivedOn > today || holderReceivedOn < sentOn)) return;
    const res = await create({
      input: {
        caseId: props.item.id,
        ...(newHolder ? { newHolder } : { holderId }),
        packetItemIds: itemIds,
        method,
        sentOn,
        holderReceivedOn: holderReceivedOn || null,
        letter: withLetter && letter.trim() ? letter : null,
        letterLanguage,
      },
    });
    if (res.data?.createRecordRequest) props.onDone(res.data.createRecordRequest);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-request-heading">
      <Stack gap="md">
        <HolderSelect
          label={t('records.holder')}
          description={t('records.holderHelp')}
          value={holderId}
          onChange={chooseHolder}
          onNewDraft={
            staff
              ? undefined
              : (input) => {
                  setHolderId(null);
                  setNewHolder(input);
                  setHolder({
                    id: '',
                    name: input.name,
                    department: input.department ?? '',
                    phone: input.phone ?? '',
                    fax: input.fax ?? '',
                    email: input.email ?? '',
                    portalUrl: input.portalUrl ?? '',
                    address: input.address ?? '',
                  });
                }
          }
          required
          error={(touched && !holderId && !newHolder ? t('validation.required') : undefined) ?? server['holderId']}
        />
        {newHolder ? (
          <Text size="sm" role="status">
            {t('records.newHolderChosen', { name: newHolder.name })}
          </Text>
        ) : null}
        {choosable.length ? (
          <Checkbox.Group
            label={t('records.items')}
            description={t('records.itemsHelp')}
            value={itemIds}
            onChange={setItemIds}
            error={(touched && !itemIds.length ? t('records.chooseItems') : undefined) ?? server['packetItemIds']}
          >
            <Stack gap="xs" mt="xs">
              {choosable.map((p) => (
                <Checkbox key={p.id} value={p.id} label={itemName(t, p)} description={t(`enums.packetState.${p.state}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text>{t('records.itemsNone')}</Text>
        )}
        <Select
          label={t('records.method')}
          data={METHODS.map((m) => ({ value: m, label: t(`enums.requestMethod.${m}`) }))}
          value={method}
          onChange={(v) => v && setMethod(v as RequestMethod)}
          allowDeselect={false}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'start' }}>
          <TextInput type="date" label={t('records.sentOn')} value={sentOn} max={today} onChange={(e) => setSentOn(e.currentTarget.value)} required error={sentError ?? server['sentOn']} />
          <TextInput
            type="date"
            label={t('records.holderReceivedOn')}
            description={t('records.holderReceivedOnHelp')}
            value={holderReceivedOn}
            min={sentOn}
            max={today}
            onChange={(e) => setHolderReceivedOn(e.currentTarget.value)}
            error={receivedError ?? server['holderReceivedOn']}
          />
        </SimpleGrid>
        <Checkbox label={t('records.withLetter')} description={t('records.withLetterHelp')} checked={withLetter} onChange={(e) => setWithLetter(e.currentTarget.checked)} />
        <LanguageChoice
          label={t('libraryLanguage.letterLabel')}
          help={t('libraryLanguage.letterHelp')}
          value={letterLanguage}
          onChange={(l) => {
            setLetterLanguage(l);
            // The draft is written again in the new language (an edited letter would stay in the old one).
            setEditedLetter(null);
          }}
        />
        {withLetter ? (
          draft === null && editedLetter === null ? (
            <Text size="sm" c="dimmed">
              {t('records.letterDraftFailed')}
            </Text>
          ) : (
            <Stack gap={4}>
              <AutoTextarea label={t('records.letter')} value={letter} onChange={(e) => setEditedLetter(e.currentTarget.value)} minRows={10} maxRows={24} />
              {editedLetter !== null ? (
                <Group>
                  <Button variant="subtle" size="sm" onClick={() => setEditedLetter(null)}>
                    {t('records.letterReset')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          )
        ) : null}
        <ErrorAlert error={result.error} />
        <Group>
          <Button type="submit" loading={result.fetching} disabled={!choosable.length}>
            {t('records.createRequest')}
          </Button>
          <Button variant="subtle" onClick={() => props.onDone(null)} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
