import { Alert, Button, Checkbox, Divider, Group, List, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CaseOutcome, CaseStage, closingProblems, RecordsReleaseState } from '@second-look/domain';
import { AutoTextarea, DraftConflict, ErrorAlert, errorCode, useVersionedDraft, type ConflictField } from '@second-look/web-ui';
import { CloseCaseWithOutcomeMutation, MoveCaseStageMutation, RecordDecisionMutation, type CaseDetail, type CaseOpinions } from '@second-look/contracts/graphql';
import { addAreaStrings, opinionsWords } from '@second-look/web-i18n';

addAreaStrings(opinionsWords);

const DECISION_STAGES: string[] = [CaseStage.COMPARE_AND_DECIDE, CaseStage.CLOSE_THE_LOOP];

interface DecisionDraft {
  decision: string;
  reasons: string;
  chosenOpinionId: string | null;
  followUpOn: string;
  followUpOutcome: string;
  careMoves: boolean;
  newProviderName: string;
  recordsRelease: string;
}

/** A decision as the form holds it (from the saved one, or from the values of a refused save). */
function draftOf(d: Partial<Record<keyof DecisionDraft, unknown>> | null | undefined): DecisionDraft {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    decision: text(d?.decision),
    reasons: text(d?.reasons),
    chosenOpinionId: typeof d?.chosenOpinionId === 'string' ? d.chosenOpinionId : null,
    followUpOn: text(d?.followUpOn),
    followUpOutcome: text(d?.followUpOutcome),
    careMoves: d?.careMoves === true,
    newProviderName: text(d?.newProviderName),
    recordsRelease: d?.recordsRelease && d.recordsRelease !== RecordsReleaseState.NOT_NEEDED ? String(d.recordsRelease) : RecordsReleaseState.TO_SEND,
  };
}

function DecisionForm({ data }: { data: CaseOpinions }) {
  const { t } = useTranslation();
  const d = data.decision;
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState(false);
  const [result, record] = useMutation(RecordDecisionMutation);
  // Always open while the case is deciding: saved against the version the form's values came
  // from, so a decision someone else saved meanwhile shows as a conflict instead of being lost.
  const form = useVersionedDraft({
    live: draftOf(d),
    liveVersion: d?.version ?? null,
    send: (v, expectedVersion) =>
      record({
        input: {
          caseId: data.id,
          expectedVersion,
          decision: v.decision.trim(),
          reasons: v.reasons.trim(),
          chosenOpinionId: v.chosenOpinionId,
          followUpOn: v.followUpOn || null,
          followUpOutcome: v.followUpOutcome.trim(),
          careMoves: v.careMoves,
          newProviderName: v.careMoves ? v.newProviderName.trim() : '',
          recordsRelease: v.careMoves ? (v.recordsRelease as RecordsReleaseState) : null,
        },
      }),
    savedVersion: (res) => res.recordDecision.decision?.version,
    theirs: (current) => ({ theirs: draftOf(current as Partial<Record<keyof DecisionDraft, unknown>>), complete: Object.keys(draftOf(null)).every((k) => k in current) }),
  });
  const { decision, reasons, chosenOpinionId: chosen, followUpOn, followUpOutcome, careMoves, newProviderName: newProvider, recordsRelease: release } = form.draft;
  const run = async (saving: () => Promise<unknown>) => {
    setSaved(false);
    if (await saving()) setSaved(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!decision.trim()) return;
    void run(form.save);
  };
  const opinionLabel = (id: string | null) => {
    const o = id ? data.opinions.find((x) => x.id === id) : undefined;
    return o ? `${o.number === 1 ? t('opinions.numberFirst') : t('opinions.number', { n: o.number })}: ${o.providerName}` : t('opinions.decision.chosenNone');
  };
  const conflictFields = (mine: DecisionDraft, theirs: DecisionDraft): ConflictField[] => {
    const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
    const rows: [string, (v: DecisionDraft) => string][] = [
      [t('opinions.decision.decision'), (v) => v.decision.trim()],
      [t('opinions.decision.reasons'), (v) => v.reasons.trim()],
      [t('opinions.decision.chosenOpinion'), (v) => opinionLabel(v.chosenOpinionId)],
      [t('opinions.decision.followUpOn'), (v) => v.followUpOn],
      [t('opinions.decision.followUpOutcome'), (v) => v.followUpOutcome.trim()],
      [t('opinions.decision.careMoves'), (v) => yesNo(v.careMoves)],
      [t('opinions.decision.newProvider'), (v) => (v.careMoves ? v.newProviderName.trim() : '')],
      [t('opinions.decision.releaseLegend'), (v) => (v.careMoves ? t(`opinions.decision.release.${v.recordsRelease}`) : '')],
    ];
    return rows.map(([label, show]) => ({ label, mine: show(mine), theirs: show(theirs) }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <AutoTextarea
          label={t('opinions.decision.decision')}
          placeholder={t('opinions.decision.decisionPlaceholder')}
          value={decision}
          maxLength={10000}
          minRows={2}
          onChange={(e) => form.set('decision', e.currentTarget.value)}
          required
          error={touched && !decision.trim() ? t('opinions.decision.required') : undefined}
        />
        <AutoTextarea label={t('opinions.decision.reasons')} value={reasons} maxLength={10000} minRows={2} onChange={(e) => form.set('reasons', e.currentTarget.value)} />
        {data.opinions.length ? (
          <Select
            label={t('opinions.decision.chosenOpinion')}
            placeholder={t('opinions.decision.chosenNone')}
            data={data.opinions.map((o) => ({ value: o.id, label: `${o.number === 1 ? t('opinions.numberFirst') : t('opinions.number', { n: o.number })}: ${o.providerName}` }))}
            value={chosen}
            onChange={(v) => form.set('chosenOpinionId', v)}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <TextInput type="date" label={t('opinions.decision.followUpOn')} value={followUpOn} onChange={(e) => form.set('followUpOn', e.currentTarget.value)} />
        <AutoTextarea label={t('opinions.decision.followUpOutcome')} value={followUpOutcome} maxLength={10000} minRows={2} onChange={(e) => form.set('followUpOutcome', e.currentTarget.value)} />
        <Checkbox label={t('opinions.decision.careMoves')} checked={careMoves} onChange={(e) => form.set('careMoves', e.currentTarget.checked)} />
        {careMoves ? (
          <>
            <TextInput label={t('opinions.decision.newProvider')} value={newProvider} maxLength={300} onChange={(e) => form.set('newProviderName', e.currentTarget.value)} required />
            <Radio.Group label={t('opinions.decision.releaseLegend')} value={release} onChange={(v) => form.set('recordsRelease', v)}>
              <Group gap="md" mt={4}>
                {[RecordsReleaseState.TO_SEND, RecordsReleaseState.SENT].map((r) => (
                  <Radio key={r} value={r} label={t(`opinions.decision.release.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
          </>
        ) : null}
        <DraftConflict form={form} fields={conflictFields} busy={result.fetching} onSave={run} />
        {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
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
  const problems = closingProblems({
    stage: data.stage,
    decision: d?.decision ?? null,
    followUpOn: d?.followUpOn ?? null,
    careMoves: d?.careMoves ?? false,
    recordsRelease: d?.recordsRelease ?? RecordsReleaseState.NOT_NEEDED,
  });
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
