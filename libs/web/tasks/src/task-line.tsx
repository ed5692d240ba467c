import { Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canTickTask, TaskDueState } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { formatDay, formatDate, orgToday, relativeDay } from '@second-look/web-ui';
import type { CaseTaskItem } from '@second-look/contracts/graphql';

const STATE_COLOR: Record<TaskDueState, string> = {
  [TaskDueState.OVERDUE]: 'red',
  [TaskDueState.DUE_TODAY]: 'orange',
  [TaskDueState.DUE_SOON]: 'blue',
  [TaskDueState.LATER]: 'gray',
  [TaskDueState.NO_DATE]: 'gray',
  [TaskDueState.DONE]: 'teal',
};
// Darker text on the light badges so each passes 4.5:1.
const STATE_TEXT: Partial<Record<TaskDueState, string>> = {
  [TaskDueState.OVERDUE]: '#a51111',
  [TaskDueState.DUE_TODAY]: '#8a3c00',
  [TaskDueState.DUE_SOON]: '#1c4f8a',
  [TaskDueState.DONE]: '#066649',
};

/**
 * One task: a checkbox that ticks it (when the reader may: `canEditCase` is their edit right on
 * the case), its state, who does it and by when.
 */
export function TaskLine(props: { task: CaseTaskItem; canEditCase: boolean; busy: boolean; onTick: (done: boolean) => void; onEdit?: () => void; onRemove?: () => void }) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const { task } = props;
  const timeZone = viewer.organization.timeZone;
  const today = orgToday(timeZone);
  const canTick = canTickTask({ userId: viewer.id, role: viewer.role }, task, props.canEditCase);
  const when = (day: string) => relativeDay(day, today, i18n.language) ?? formatDay(day, i18n.language);
  return (
    <Stack gap={4} component="li" aria-label={task.title} data-testid="task">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Checkbox
          size="md"
          checked={!!task.doneAt}
          disabled={!canTick || props.busy}
          onChange={(e) => props.onTick(e.currentTarget.checked)}
          aria-label={t('tasks.markDone', { title: task.title })}
          label={
            <Text fw={600} td={task.doneAt ? 'line-through' : undefined}>
              {task.title}
            </Text>
          }
        />
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {task.internal ? (
            <Badge variant="outline" color="gray" c="#444">
              {t('tasks.staffOnlyBadge')}
            </Badge>
          ) : null}
          <Badge variant="light" color={STATE_COLOR[task.dueState]} c={STATE_TEXT[task.dueState] ?? '#444'}>
            {t(`tasks.state.${task.dueState}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" pl={34}>
        {[
          task.assigneeName ? t('tasks.forWhom', { name: task.assigneeName }) : null,
          task.dueOn && !task.doneAt ? t('tasks.dueLine', { when: when(task.dueOn) }) : null,
          task.doneAt
            ? task.doneByName
              ? t('tasks.doneLine', { name: task.doneByName, when: formatDate(task.doneAt, i18n.language, timeZone) })
              : t('tasks.doneLineNoName', { when: formatDate(task.doneAt, i18n.language, timeZone) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {task.details ? (
        <Text size="sm" pl={34}>
          {task.details}
        </Text>
      ) : null}
      {props.onEdit || props.onRemove ? (
        <Group gap="xs" pl={34}>
          {props.onEdit ? (
            <Button size="compact-sm" variant="subtle" onClick={props.onEdit}>
              {t('tasks.edit')}
            </Button>
          ) : null}
          {props.onRemove ? (
            <Button size="compact-sm" variant="subtle" color="red" onClick={props.onRemove}>
              {t('tasks.remove')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
