import { Alert, Badge, Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DoctorScriptPurpose, DoctorScriptSituation, isStaffRole, scriptsFor, type Language } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { AutoTextarea, ErrorAlert, fieldErrors, LanguageChoice, Loading, Panel, useScreenLanguage } from '@second-look/web-ui';
import {
  CaseDoctorScriptQuery,
  CreateDoctorScriptMutation,
  DeleteDoctorScriptMutation,
  DoctorScriptLibraryQuery,
  DoctorScriptsQuery,
  SaveCaseDoctorScriptMutation,
  type CaseDetail,
  type DoctorScript,
} from '@second-look/contracts/graphql';
import { printText } from './print';
import { addAreaStrings, scriptsWords } from '@second-look/web-i18n';

addAreaStrings(scriptsWords);

const SITUATIONS = Object.values(DoctorScriptSituation);
const PURPOSES = Object.values(DoctorScriptPurpose);

interface LibraryEntry {
  sourceKey: string;
  /** The language of a built-in script's words (an organization's script is in whatever it was written in). */
  lang?: Language;
  title: string;
  body: string;
  purpose: DoctorScriptPurpose;
  situation: DoctorScriptSituation;
  org?: DoctorScript;
}

function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <Button
        variant="default"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState('copied');
          } catch {
            setState('failed');
          }
        }}
      >
        {state === 'copied' ? t('scripts.copied') : t('scripts.copy')}
      </Button>
      {state === 'failed' ? (
        <Text size="sm" c="red.9" role="status">
          {t('scripts.copyFailed')}
        </Text>
      ) : null}
    </>
  );
}

/** Staff add the organization's own scripts beside the built-in ones. */
function AddOrgScript({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [result, create] = useMutation(CreateDoctorScriptMutation);
  const [form, setForm] = useState({ title: '', body: '', purpose: DoctorScriptPurpose.SECOND_OPINION, situation: DoctorScriptSituation.GOOD_RELATIONSHIP });
  const errs = fieldErrors(result.error);
  return (
    <Stack gap="sm">
      <TextInput label={t('scripts.orgScriptTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errs['title']} required />
      <Select
        label={t('scripts.orgScriptPurpose')}
        data={PURPOSES.map((p) => ({ value: p, label: t(`scripts.purpose.${p}`) }))}
        value={form.purpose}
        onChange={(v) => v && setForm({ ...form, purpose: v as DoctorScriptPurpose })}
        allowDeselect={false}
      />
      <Select
        label={t('scripts.orgScriptSituation')}
        data={SITUATIONS.map((s) => ({ value: s, label: t(`scripts.situation.${s}`) }))}
        value={form.situation}
        onChange={(v) => v && setForm({ ...form, situation: v as DoctorScriptSituation })}
        allowDeselect={false}
      />
      <AutoTextarea label={t('scripts.orgScriptBody')} minRows={3} value={form.body} onChange={(e) => setForm({ ...form, body: e.currentTarget.value })} error={errs['body']} required />
      <ErrorAlert error={Object.keys(errs).length ? undefined : result.error} />
      <Group>
        <Button
          loading={result.fetching}
          onClick={async () => {
            const r = await create({ input: form });
            if (r.data?.createDoctorScript) onDone();
          }}
        >
          {t('common.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Talking to the current doctor: a library of short, tactful scripts for the patient's
 * situation; the patient picks one, makes it their own, saves it on the case, copies or prints it.
 */
export function DoctorScriptPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const [saved] = useQuery({ query: CaseDoctorScriptQuery, variables: { id: item.id }, requestPolicy: 'cache-and-network' });
  const [orgScripts, reloadOrg] = useQuery({ query: DoctorScriptsQuery, variables: {} });
  // The words are meant to be said to the doctor: the patient may read the screens in one
  // language and pick the doctor's language for the script (README, "Architecture").
  const uiLanguage = useScreenLanguage();
  const [wordsLanguage, setWordsLanguage] = useState<Language | null>(null);
  const [builtIn] = useQuery({ query: DoctorScriptLibraryQuery, variables: { language: wordsLanguage ?? uiLanguage } });
  const [saveResult, save] = useMutation(SaveCaseDoctorScriptMutation);
  const [, removeOrg] = useMutation(DeleteDoctorScriptMutation);
  const current = saved.data?.case.doctorScript ?? null;
  const [situation, setSituation] = useState<DoctorScriptSituation>(DoctorScriptSituation.GOOD_RELATIONSHIP);
  // Once the person picks a situation, the saved script arriving late must not switch it back.
  const [pickedSituation, setPickedSituation] = useState(false);
  const [draft, setDraft] = useState<{ sourceKey: string; purpose: DoctorScriptPurpose; body: string } | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const [addingOrg, setAddingOrg] = useState(false);

  // Start from what was saved on the case, once it arrives.
  useEffect(() => {
    if (current && !draft) {
      setDraft({ sourceKey: current.sourceKey, purpose: current.purpose, body: current.body });
      if (current.situation && !pickedSituation) setSituation(current.situation);
    }
  }, [current, draft, pickedSituation]);

  const library: LibraryEntry[] = [
    ...(orgScripts.data?.doctorScripts ?? [])
      .filter((s) => s.situation === situation)
      .map((s) => ({ sourceKey: `org:${s.id}`, title: s.title, body: s.body, purpose: s.purpose, situation: s.situation, org: s })),
    ...scriptsFor(situation)
      .filter((s) => s.situation === situation)
      .flatMap((s) => {
        const words = builtIn.data?.doctorScriptLibrary.find((w) => w.key === s.key);
        return words ? [{ sourceKey: s.key, title: words.title, body: words.body, purpose: s.purpose, situation: s.situation, lang: words.language }] : [];
      }),
  ];
  const canEdit = item.permissions.edit;
  const errs = fieldErrors(saveResult.error);

  return (
    <Panel headingId="doctor-script-heading" title={t('scripts.heading')} gap="md">
      <Text size="sm">{t('scripts.intro')}</Text>
      {saved.fetching && !saved.data ? <Loading /> : null}
      <Radio.Group
        label={t('scripts.situationLabel')}
        value={situation}
        onChange={(v) => {
          setSituation(v as DoctorScriptSituation);
          setPickedSituation(true);
        }}
      >
        <Stack gap="xs" mt="xs">
          {SITUATIONS.map((s) => (
            <Radio key={s} value={s} label={t(`scripts.situation.${s}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <LanguageChoice label={t('libraryLanguage.scriptLabel')} help={t('libraryLanguage.scriptHelp')} value={wordsLanguage ?? uiLanguage} onChange={setWordsLanguage} />
      {builtIn.fetching && !builtIn.data ? <Loading /> : null}
      <ErrorAlert error={builtIn.error} />
      {situation === DoctorScriptSituation.DOCTOR_REACTED_BADLY ? (
        <Alert variant="light" color="orange" role="note">
          {t('scripts.warningSign')}
        </Alert>
      ) : null}
      <Stack gap="sm" component="ul" aria-label={t('scripts.libraryHeading')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {library.map((s) => (
          <li key={s.sourceKey}>
            <Paper withBorder p="sm" radius="md" component="article" aria-label={s.title} lang={s.lang /* a script in another language than the page is read right by a screen reader */}>
              <Stack gap={6}>
                <Group gap="xs" wrap="wrap">
                  <Title order={3} size="h5">
                    {s.title}
                  </Title>
                  <Badge variant="light" color="blue" c="blue.9">
                    {t(`scripts.purpose.${s.purpose}`)}
                  </Badge>
                  {s.org ? (
                    <Badge variant="light" color="grape" c="grape.9">
                      {t('scripts.orgBadge')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm" className="sl-pre-wrap">
                  {s.body}
                </Text>
                <Group gap="xs">
                  {canEdit ? (
                    <Button
                      size="sm"
                      variant="light"
                      aria-label={t('scripts.useScriptLabel', { title: s.title })}
                      onClick={() => {
                        setDraft({ sourceKey: s.sourceKey, purpose: s.purpose, body: s.body });
                        setJustSaved(false);
                      }}
                    >
                      {t('scripts.useScript')}
                    </Button>
                  ) : null}
                  {staff && s.org ? (
                    <Button
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('scripts.deleteOrgScriptLabel', { title: s.title })}
                      onClick={async () => {
                        await removeOrg({ id: s.org!.id });
                        reloadOrg({ requestPolicy: 'network-only' });
                      }}
                    >
                      {t('scripts.deleteOrgScript')}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
      {draft ? (
        <Stack gap="sm">
          <AutoTextarea
            label={t('scripts.yourWords')}
            description={t('scripts.yourWordsHelp')}
            minRows={4}
            value={draft.body}
            readOnly={!canEdit}
            onChange={(e) => {
              setDraft({ ...draft, body: e.currentTarget.value });
              setJustSaved(false);
            }}
            error={errs['body'] ?? errs['sourceKey']}
          />
          <ErrorAlert error={Object.keys(errs).length ? undefined : saveResult.error} />
          <Group gap="xs">
            {canEdit ? (
              <Button
                loading={saveResult.fetching}
                onClick={async () => {
                  const r = await save({ input: { caseId: item.id, sourceKey: draft.sourceKey || null, purpose: draft.purpose, situation, body: draft.body } });
                  if (r.data?.saveCaseDoctorScript) setJustSaved(true);
                }}
              >
                {t('scripts.save')}
              </Button>
            ) : null}
            <CopyButton text={draft.body} />
            <Button variant="default" onClick={() => printText(t('scripts.printTitle'), draft.body)}>
              {t('scripts.print')}
            </Button>
          </Group>
          {justSaved ? (
            <Text role="status" c="teal.9" size="sm">
              {t('scripts.saved')}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('scripts.nothingSaved')}
        </Text>
      )}
      {staff ? (
        addingOrg ? (
          <Paper p="sm" radius="md" bg="gray.0">
            <AddOrgScript
              onDone={() => {
                setAddingOrg(false);
                reloadOrg({ requestPolicy: 'network-only' });
              }}
            />
          </Paper>
        ) : (
          <Group>
            <Button variant="subtle" onClick={() => setAddingOrg(true)}>
              + {t('scripts.addOrgScript')}
            </Button>
          </Group>
        )
      ) : null}
    </Panel>
  );
}
