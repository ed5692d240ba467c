import { Button, Collapse, Group, Progress, Stack, Stepper, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CaseStage } from '@second-look/domain';
import { ErrorAlert, Panel } from '@second-look/web-ui';
import { MoveCaseStageMutation, type CaseDetail } from '@second-look/contracts/graphql';
import { STAGES, stageIndex } from './labels';
import { addAreaStrings, caseWords, enumsWords } from '@second-look/web-i18n';

addAreaStrings(caseWords, enumsWords);

function StageStepper({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  const current = stageIndex(stage);
  // A closed case shows every step as done.
  const active = stage === CaseStage.CLOSED ? STAGES.length : current;
  return (
    <Stepper active={active} orientation="vertical" size="sm" allowNextStepsSelect={false}>
      {STAGES.map((s, i) => (
        <Stepper.Step key={s} label={t(`enums.stage.${s}`)} description={i === current ? t(`enums.stageHelp.${s}`) : undefined} aria-current={i === current ? 'step' : undefined} tabIndex={-1} />
      ))}
    </Stepper>
  );
}

export function CaseStagePanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [showAll, { toggle }] = useDisclosure(false);
  const [result, move] = useMutation(MoveCaseStageMutation);
  const [moved, setMoved] = useState<CaseStage | null>(null);
  const current = stageIndex(item.stage);
  const next = STAGES[current + 1];

  const onMove = async (to: CaseStage) => {
    setMoved(null);
    const res = await move({ input: { caseId: item.id, to } });
    if (res.data) setMoved(to);
  };

  const moves = [...item.allowedStageMoves].sort((a, b) => stageIndex(a) - stageIndex(b));
  const forward = item.stage !== CaseStage.CLOSED && next && moves.includes(next) && next !== CaseStage.CLOSED ? next : null;
  const others = moves.filter((m) => m !== forward);
  const labelFor = (to: CaseStage) =>
    to === CaseStage.CLOSED
      ? t('case.closeCase')
      : item.stage === CaseStage.CLOSED
        ? t('case.reopen', { stage: t(`enums.stage.${to}`) })
        : stageIndex(to) < current
          ? t('case.moveBack', { stage: t(`enums.stage.${to}`) })
          : t('case.moveTo', { stage: t(`enums.stage.${to}`) });

  return (
    <Panel headingId="case-stage-heading" title={t('case.stageHeading')}>
      <Text fw={600} size="lg">
        {t('case.stageOf', {
          current: Math.min(current + 1, STAGES.length),
          total: STAGES.length,
          stage: t(`enums.stage.${item.stage}`),
        })}
      </Text>
      <Progress value={((current + 1) / STAGES.length) * 100} aria-hidden size="md" />
      <Text>{t(`enums.stageHelp.${item.stage}`)}</Text>
      {wide ? (
        <StageStepper stage={item.stage} />
      ) : (
        <>
          <UnstyledButton onClick={toggle} aria-expanded={showAll} aria-controls="case-all-stages" c="blue.9" fw={600} py={6}>
            {showAll ? t('case.hideAllStages') : t('case.showAllStages')}
          </UnstyledButton>
          <Collapse expanded={showAll} id="case-all-stages">
            <StageStepper stage={item.stage} />
          </Collapse>
        </>
      )}
      {moved ? (
        <Text role="status" c="teal.9">
          {t('case.moved', { stage: t(`enums.stage.${moved}`) })}
        </Text>
      ) : null}
      <ErrorAlert error={result.error} />
      {item.permissions.moveStage && moves.length ? (
        <Stack gap="xs" component="section" aria-labelledby="case-moves-heading">
          <Text id="case-moves-heading" component="h3" fw={600}>
            {t('case.nextMoves')}
          </Text>
          {forward ? (
            <Button onClick={() => onMove(forward)} loading={result.fetching} fullWidth>
              {labelFor(forward)}
            </Button>
          ) : null}
          <Group gap="xs">
            {others.map((to) => (
              <Button
                key={to}
                variant={to === CaseStage.CLOSED ? 'outline' : 'default'}
                color={to === CaseStage.CLOSED ? 'red' : undefined}
                size="sm"
                onClick={() => onMove(to)}
                disabled={result.fetching}
              >
                {labelFor(to)}
              </Button>
            ))}
          </Group>
        </Stack>
      ) : null}
    </Panel>
  );
}
