import { Alert, Button, Checkbox, Divider, Group, List, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CaseOutcome, CaseStage, closingProblems, RecordsReleaseState } from '@second-look/domain';
import { ErrorAlert } from '@second-look/web-ui';
import { CloseCaseWithOutcomeMutation, MoveCaseStageMutation, RecordDecisionMutation, type CaseDetail, type CaseOpinions } from '@second-look/contracts/graphql';

const DECISION_STAGES: string[] = [CaseStage.COMPARE_AND_DECIDE, CaseStage.CLOSE_THE_LOOP];

function DecisionForm({ data }: { data: CaseOpinions }) {
  const { t } = useTranslation();
  const d = data.decision;
  const [decision, setDecision] = useState(d?.decision ?? '');
  const [reasons, setReasons] = useState(d?.reasons ?? '');
  const [chosen, setChosen] = useState<string | null>(d?.chosenOpinionId ?? null);
  const [followUpOn, setFollowUpOn] = useState(d?.followUpOn ?? '');
  const [followUpOutcome, setFollowUpOutcome] = useState(d?.followUpOutcome ?? '');
  const [careMoves, setCareMoves] = useState(d?.careMoves ?? false);
  const [newProvider, setNewProvider] = useState(d?.newProviderName ?? '');
  const [release, setRelease] = useState<string>(d && d.recordsRelease !== RecordsReleaseState.NOT_NEEDED ? d.recordsRelease : RecordsReleaseState.TO_SEND);
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState(false);
  const [result, record] = useMutation(RecordDecisionMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSaved(false);
    if (!decision.trim()) return;
    const res = await record({
      input: {
        caseId: data.id,
        expectedVersion: d?.version ?? null,
        decision: decision.trim(),
        reasons: reasons.trim(),
        chosenOpinionId: chosen,
        followUpOn: followUpOn || null,
        followUpOutcome: followUpOutcome.trim(),
        careMoves,
        newProviderName: careMoves ? newProvider.trim() : '',
        recordsRelease: careMoves ? (release as RecordsReleaseState) : null,
      },
    });
    if (res.data) setSaved(true);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea label={t('opinions.decision.decision')} placeholder={t('opinions.decision.decisionPlaceholder')} value={decision} maxLength={10000} autosize minRows={2} onChange={(e) => setDecision(e.currentTarget.value)} required error={touched && !decision.trim() ? t('opinions.decision.required') : undefined} />
        <Textarea label={t('opinions.decision.reasons')} value={reasons} maxLength={10000} autosize minRows={2} onChange={(e) => setReasons(e.currentTarget.value)} />
        {data.opinions.length ? (
          <Select
            label={t('opinions.decision.chosenOpinion')}
            placeholder={t('opinions.decision.chosenNone')}
            data={data.opinions.map((o) => ({ value: o.id, label: `${o.number === 1 ? t('opinions.numberFirst') : t('opinions.number', { n: o.number })}: ${o.providerName}` }))}
            value={chosen}
            onChange={setChosen}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <TextInput type="date" label={t('opinions.decision.followUpOn')} value={followUpOn} onChange={(e) => setFollowUpOn(e.currentTarget.value)} />
        <Textarea label={t('opinions.decision.followUpOutcome')} value={followUpOutcome} maxLength={10000} autosize minRows={2} onChange={(e) => setFollowUpOutcome(e.currentTarget.value)} />
        <Checkbox label={t('opinions.decision.careMoves')} checked={careMoves} onChange={(e) => setCareMoves(e.currentTarget.checked)} />
        {careMoves ? (
          <>
            <TextInput label={t('opinions.decision.newProvider')} value={newProvider} maxLength={300} onChange={(e) => setNewProvider(e.currentTarget.value)} required />
            <Radio.Group label={t('opinions.decision.releaseLegend')} value={release} onChange={setRelease}>
              <Group gap="md" mt={4}>
                {[RecordsReleaseState.TO_SEND, RecordsReleaseState.SENT].map((r) => (
                  <Radio key={r} value={r} label={t(`opinions.decision.release.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
          </>
        ) : null}
        <ErrorAlert error={result.error} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('opinions.decision.save')}
          </Button>
        </Group>
        {saved ? (
          <Text role="status" size="sm" c="teal.9">
            {t('opinions.decision.saved')}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

function CloseCase({ data }: { data: CaseOpinions }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [result, close] = useMutation(CloseCaseWithOutcomeMutation);
  const [moveResult, move] = useMutation(MoveCaseStageMutation);
  // Worked out here with the domain's own rule, so a stage move made elsewhere on the page shows at once.
  const d = data.decision;
  const problems = closingProblems({ stage: data.stage, decision: d?.decision ?? null, followUpOn: d?.followUpOn ?? null, careMoves: d?.careMoves ?? false, recordsRelease: d?.recordsRelease ?? RecordsReleaseState.NOT_NEEDED });
  const ready = problems.length === 0;
  const canMoveOn = data.stage === CaseStage.COMPARE_AND_DECIDE && data.allowedStageMoves.includes(CaseStage.CLOSE_THE_LOOP);
  return (
    <Stack gap="sm" component="section" aria-labelledby="close-case-heading">
      <Title order={3} size="h4" id="close-case-heading">
        {t('opinions.close.heading')}
      </Title>
      {canMoveOn ? (
        <Group>
          <Button variant="default" loading={moveResult.fetching} onClick={() => move({ input: { caseId: data.id, to: CaseStage.CLOSE_THE_LOOP } })}>
            {t('opinions.decision.moveToClose')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={moveResult.error} />
      {!ready ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('opinions.close.stillToDo')}
          </Text>
          <List size="sm" spacing={2}>
            {problems.map((p) => (
              <List.Item key={p}>{t(`opinions.close.problem.${p}`)}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Select
        label={t('opinions.close.outcome')}
        data={Object.values(CaseOutcome).map((o) => ({ value: o, label: t(`opinions.close.outcomeValue.${o}`) }))}
        value={outcome}
        onChange={setOutcome}
        comboboxProps={{ withinPortal: true }}
      />
      <ErrorAlert error={result.error} />
      <Group>
        <Button color="teal.9" disabled={!ready || !outcome} loading={result.fetching} onClick={() => outcome && close({ caseId: data.id, outcome: outcome as CaseOutcome })}>
          {t('opinions.close.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The patient's decision and closing the loop; staff close the case with its outcome. */
export function DecisionPanel({ data, item, staff }: { data: CaseOpinions; item: CaseDetail; staff: boolean }) {
  const { t } = useTranslation();
  const closed = data.stage === CaseStage.CLOSED;
  const open = DECISION_STAGES.includes(data.stage);
  return (
    <Stack gap="sm" mt="lg" component="section" aria-labelledby="decision-heading">
      <Divider />
      <Title order={2} size="h3" id="decision-heading">
        {t('opinions.decision.heading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('opinions.decision.intro')}
      </Text>
      {closed && data.decision?.outcome ? (
        <Alert color="teal" variant="light" role="status">
          {t('opinions.close.closed', { outcome: t(`opinions.close.outcomeValue.${data.decision.outcome}`) })}
        </Alert>
      ) : null}
      {closed && data.decision ? <Text className="sl-pre-wrap">{data.decision.decision}</Text> : null}
      {!closed && !open ? <Text>{t('opinions.decision.notYet')}</Text> : null}
      {open && item.permissions.edit ? <DecisionForm data={data} /> : null}
      {open && !item.permissions.edit && data.decision ? <Text className="sl-pre-wrap">{data.decision.decision}</Text> : null}
      {open && staff && item.permissions.moveStage ? <CloseCase data={data} /> : null}
    </Stack>
  );
}
