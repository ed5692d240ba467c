import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { Language } from '@second-look/domain';
import { Dialog, DraftConflict, ErrorAlert, LanguageChoice, errorCode, useVersionedDraft } from '@second-look/web-ui';
import { SetRecordRequestLetterLanguageMutation, type RecordRequest } from '@second-look/contracts/graphql';

type LetterRequest = Pick<RecordRequest, 'id' | 'version' | 'letterLanguage' | 'holder'>;

/**
 * The language of a request's letters after it was made, a versioned edit like the fee: a save
 * over someone else's change shows both choices. The next letter downloaded is in the new one.
 */
function LetterLanguageForm({ request, onDone }: { request: LetterRequest; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [result, setLanguage] = useMutation(SetRecordRequestLetterLanguageMutation);
  const form = useVersionedDraft({
    live: { letterLanguage: request.letterLanguage as Language },
    liveVersion: request.version,
    send: (d, expectedVersion) => setLanguage({ input: { requestId: request.id, expectedVersion: expectedVersion ?? request.version, letterLanguage: d.letterLanguage } }),
    savedVersion: (data) => data.setRecordRequestLetterLanguage.version,
  });
  const save = async (saving: () => Promise<unknown>) => {
    if (await saving()) onDone(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(form.save);
  };
  const name = (l: Language) => t(`libraryLanguage.name.${l}`);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DraftConflict
          form={form}
          fields={(mine, theirs) => [{ label: t('libraryLanguage.letterLabel'), mine: name(mine.letterLanguage), theirs: name(theirs.letterLanguage) }]}
          onSave={save}
          onClose={() => onDone(false)}
          busy={result.fetching}
        />
        <LanguageChoice label={t('libraryLanguage.letterLabel')} help={t('libraryLanguage.letterChangeHelp')} value={form.draft.letterLanguage} onChange={(l) => form.set('letterLanguage', l)} />
        {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
        {!form.conflict ? (
          <Group>
            <Button type="submit" loading={result.fetching}>
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => onDone(false)} disabled={result.fetching}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

/** "Letters in English", and for staff who may edit the case, the way to change it. */
export function LetterLanguageLine({ request, canChange }: { request: LetterRequest; canChange: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" data-testid="letter-language">
          {t('libraryLanguage.lettersIn', { language: t(`libraryLanguage.name.${request.letterLanguage}`) })}
        </Text>
        {canChange ? (
          <Button variant="subtle" size="compact-sm" onClick={() => setOpened(true)} aria-label={t('libraryLanguage.changeLetterLabel', { holder: request.holder.name })}>
            {t('libraryLanguage.changeLetter')}
          </Button>
        ) : null}
      </Group>
      {saved ? (
        <Text size="sm" c="teal.9" role="status">
          {t('libraryLanguage.letterChanged')}
        </Text>
      ) : null}
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t('libraryLanguage.changeLetterLabel', { holder: request.holder.name })} centered>
        <LetterLanguageForm
          request={request}
          onDone={(ok) => {
            setOpened(false);
            setSaved(ok);
          }}
        />
      </Dialog>
    </Stack>
  );
}
