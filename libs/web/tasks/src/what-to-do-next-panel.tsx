import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { isLanguage, patientNextStep, stageGuide, DEFAULT_LANGUAGE } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { ErrorAlert, Loading, Panel, usePanelQuery } from '@second-look/web-ui';
import { CaseTasksQuery, SetCaseTaskDoneMutation, type CaseDetail } from '@second-look/contracts/graphql';
import { TaskLine } from './task-line';
import { addTasksStrings } from './strings';

addTasksStrings();

/**
 * The patient's "What to do next", at the top of their case (docs/domain.md, "My day"): the
 * stage their case is in, in the stage guide's plain words, the one step for them in it, and
 * the open tasks given to them, which they tick right here.
 */
export function WhatToDoNextPanel({ item }: { item: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const [result] = usePanelQuery({ query: CaseTasksQuery, variables: { id: item.id } });
  const [ticked, tick] = useMutation(SetCaseTaskDoneMutation);
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const guide = stageGuide(item.stage, language);
  const mine = (result.data?.case.tasks ?? []).filter((x) => x.assigneeId === viewer.id && (!x.doneAt || x.doneAt >= new Date(Date.now() - 86_400_000).toISOString()));

  return (
    <Panel headingId="what-next-heading" title={t('whatNext.heading')} bg="blue.0" id="what-next">
      <Text size="lg">{t(`whatNext.step.${patientNextStep(item.stage)}`)}</Text>
      <Text size="sm">{t('whatNext.stageNow', { stage: guide.name })}</Text>
      <Text size="sm" c="dimmed">
        {t('whatNext.tip', { tip: guide.tip })}
      </Text>
      <Title order={3} size="h5">
        {t('whatNext.yourTasks')}
      </Title>
      <ErrorAlert error={ticked.error} />
      {!result.data ? (
        // "No tasks" only once the answer says so; until then, or when it cannot be had, say that.
        result.error ? (
          <ErrorAlert error={result.error} />
        ) : (
          <Loading />
        )
      ) : mine.length ? (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mine.map((task) => (
            <TaskLine key={task.id} task={task} canEditCase={item.permissions.edit} busy={ticked.fetching} onTick={(done) => void tick({ input: { id: task.id, done } })} />
          ))}
        </Stack>
      ) : (
        <Text>{t('whatNext.noTasks')}</Text>
      )}
    </Panel>
  );
}
