import { Alert, Badge, Button, Group, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CaseStage, OpinionComparisonOutcome, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { AutoTextarea, DraftConflict, ErrorAlert, errorCode, Loading, useVersionedDraft } from '@second-look/web-ui';
import { CaseOpinionsQuery, CompareOpinionsMutation, StartNextOpinionRoundMutation, type CaseDetail, type CaseOpinions } from '@second-look/contracts/graphql';
import { AddOpinionForm } from './add-opinion-form';
import { DecisionPanel } from './decision-panel';
import { OpinionsSideBySide } from './opinions-side-by-side';
import { addAreaStrings, opinionsWords } from '@second-look/web-i18n';

addAreaStrings(opinionsWords);

const OUTCOME_COLOR: Record<OpinionComparisonOutcome, string> = {
  // Dark enough for white text at badge size (4.5:1); the light yellow one takes dark text.
  [OpinionComparisonOutcome.AGREE]: 'teal.9',
  [OpinionComparisonOutcome.DIFFER]: 'yellow.4',
  [OpinionComparisonOutcome.STRONGLY_CONFLICT]: 'red.9',
};

function CompareForm({ data }: { data: CaseOpinions }) {
  const { t } = useTranslation();
  const current = data.opinionComparison && data.opinionComparison.opinionCount === data.opinions.length ? data.opinionComparison : null;
  const [saved, setSaved] = useState(false);
  const [result, compare] = useMutation(CompareOpinionsMutation);
  // Always open: saved against the version of the judgment the form's values came from, so one
  // someone else saved meanwhile shows as a conflict instead of being overwritten.
  const form = useVersionedDraft({
    live: { outcome: (current?.outcome ?? '') as string, note: current?.note ?? '' },
    liveVersion: current?.version ?? null,
    send: (d, expectedVersion) => compare({ caseId: data.id, outcome: d.outcome as OpinionComparisonOutcome, note: d.note.trim(), expectedVersion }),
    savedVersion: (res) => res.compareOpinions.opinionComparison?.version,
  });
  const { outcome, note } = form.draft;
  const outcomeWords = (o: string) => (o ? t(`opinions.compare.outcome.${o}`) : '');
  const run = async (saving: () => Promise<unknown>) => {
    setSaved(false);
    if (await saving()) setSaved(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) return;
    void run(form.save);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Radio.Group label={t('opinions.compare.legend')} value={outcome} onChange={(v) => form.set('outcome', v)}>
          <Group gap="md" mt={4}>
            {Object.values(OpinionComparisonOutcome).map((o) => (
              <Radio key={o} value={o} label={t(`opinions.compare.outcome.${o}`)} />
            ))}
          </Group>
        </Radio.Group>
        <AutoTextarea label={t('opinions.compare.note')} value={note} maxLength={10000} minRows={2} onChange={(e) => form.set('note', e.currentTarget.value)} />
        <DraftConflict
          form={form}
          fields={(mine, theirs) => [
            { label: t('opinions.compare.legend'), mine: outcomeWords(mine.outcome), theirs: outcomeWords(theirs.outcome) },
            { label: t('opinions.compare.note'), mine: mine.note.trim(), theirs: theirs.note },
          ]}
          busy={result.fetching}
          onSave={run}
        />
        {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
        <Group>
          <Button type="submit" loading={result.fetching} disabled={!outcome}>
            {t('opinions.compare.save')}
          </Button>
        </Group>
        {saved ? (
          <Text role="status" size="sm" c="teal.9">
            {t('opinions.compare.saved')}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

function Advice({ data, canStartRound }: { data: CaseOpinions; canStartRound: boolean }) {
  const { t } = useTranslation();
  const [result, start] = useMutation(StartNextOpinionRoundMutation);
  const [started, setStarted] = useState<number | null>(null);
  const advice = data.opinionAdvice;
  if (started) {
    return (
      <Text role="status" c="teal.9">
        {t('opinions.advice.roundStarted', { n: started })}
      </Text>
    );
  }
  if (!advice.nextSteps.length) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="opinion-advice-heading">
      <Title order={3} size="h4" id="opinion-advice-heading">
        {t('opinions.advice.heading')}
      </Title>
      {advice.thirdOpinionSuggested ? (
        <Alert color="orange" variant="light" title={t('opinions.advice.thirdSuggested')}>
          <Text size="sm">{t('opinions.advice.thirdIntro')}</Text>
        </Alert>
      ) : null}
      <List spacing={4} size="sm">
        {advice.nextSteps.map((s) => (
          <List.Item key={s}>{t(`opinions.nextStep.${s}`)}</List.Item>
        ))}
      </List>
      {advice.coverageHints.length ? (
        <Paper p="sm" radius="md" withBorder>
          <Text size="sm" fw={600}>
            {t('opinions.advice.coverageHeading')}
          </Text>
          {advice.coverageHints.map((h) => (
            <Text key={h} size="sm">
              {t(`opinions.coverage.${h}`)}
            </Text>
          ))}
        </Paper>
      ) : null}
      {advice.thirdOpinionSuggested && canStartRound ? (
        <Group>
          <Button
            color="red.9"
            loading={result.fetching}
            onClick={async () => {
              const res = await start({ caseId: data.id });
              if (res.data) setStarted(advice.nextOpinionNumber);
            }}
          >
            {t('opinions.advice.startRound', { n: advice.nextOpinionNumber })}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={result.error} />
    </Stack>
  );
}

/** Every opinion side by side, how they compare, what to do next, and the decision. */
export function CaseOpinionsPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const [result, reexecute] = useQuery({ query: CaseOpinionsQuery, variables: { id: item.id }, requestPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<number | null>(null);
  const data = result.data?.case ?? null;
  // A closed case is read-only here: its opinions stay on record, nothing more is suggested.
  const canEdit = item.permissions.edit && data?.stage !== CaseStage.CLOSED;
  const current = data?.opinionComparison && data.opinionComparison.opinionCount === data.opinions.length ? data.opinionComparison : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="opinions-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="opinions-heading">
            {t('opinions.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {staff ? t('opinions.intro') : t('opinions.introPatient')}
          </Text>
        </Stack>
        {!data && result.fetching ? <Loading /> : null}
        {!data ? <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
        {data ? (
          <>
            {data.opinions.length ? <OpinionsSideBySide data={data} staff={staff} /> : <Text>{t('opinions.empty')}</Text>}
            {added && !adding ? (
              <Text role="status" size="sm" c="teal.9">
                {t('opinions.add.saved', { n: added })}
              </Text>
            ) : null}
            {canEdit ? (
              adding ? (
                <Paper p="sm" radius="md" bg="gray.0" component="section" aria-labelledby="add-opinion-heading">
                  <Title order={3} size="h4" id="add-opinion-heading" mb="xs">
                    {t('opinions.add.heading', { n: data.opinionAdvice.nextOpinionNumber })}
                  </Title>
                  <AddOpinionForm
                    data={data}
                    staff={staff}
                    timeZone={viewer.organization.timeZone}
                    onDone={(n) => {
                      setAdding(false);
                      setAdded(n);
                    }}
                  />
                </Paper>
              ) : (
                <Group>
                  <Button
                    variant="outline"
                    onClick={() => {
                      setAdded(null);
                      setAdding(true);
                    }}
                  >
                    + {t('opinions.add.open', { n: data.opinionAdvice.nextOpinionNumber })}
                  </Button>
                </Group>
              )
            ) : null}
            <Stack gap="sm" component="section" aria-labelledby="compare-heading">
              <Group gap="sm" align="center">
                <Title order={3} size="h4" id="compare-heading">
                  {t('opinions.compare.heading')}
                </Title>
                {current ? (
                  <Badge color={OUTCOME_COLOR[current.outcome]} variant="filled" c={current.outcome === OpinionComparisonOutcome.DIFFER ? 'dark.8' : undefined}>
                    {t('opinions.compare.outcomeNow', { outcome: t(`opinions.compare.outcome.${current.outcome}`) })}
                  </Badge>
                ) : null}
              </Group>
              {data.opinions.length < 2 ? <Text size="sm">{t('opinions.compare.needTwo')}</Text> : canEdit ? <CompareForm key={data.opinions.length} data={data} /> : null}
            </Stack>
            {data.stage !== CaseStage.CLOSED ? <Advice key={data.opinions.length} data={data} canStartRound={item.permissions.moveStage} /> : null}
          </>
        ) : null}
      </Stack>
      {data ? <DecisionPanel data={data} item={item} staff={staff} /> : null}
    </Paper>
  );
}
