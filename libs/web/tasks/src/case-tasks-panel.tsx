import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { useStaffMembers } from '@second-look/web-records';
import { ErrorAlert, Loading, Panel, usePanelQuery } from '@second-look/web-ui';
import { CaseTasksQuery, RemoveCaseTaskMutation, SetCaseTaskDoneMutation, type CaseDetail } from '@second-look/contracts/graphql';
import { TaskForm } from './task-form';
import { TaskLine } from './task-line';
import { addTasksStrings } from './strings';

addTasksStrings();

/** The case's tasks (docs/domain.md, "Tasks"): staff add and edit them; everyone ticks the ones they may. */
export function CaseTasksPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const members = useStaffMembers(staff);
  const [result, reexecute] = usePanelQuery({ query: CaseTasksQuery, variables: { id: item.id } });
  const [ticked, tick] = useMutation(SetCaseTaskDoneMutation);
  const [removed, remove] = useMutation(RemoveCaseTaskMutation);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const tasks = result.data?.case.tasks ?? [];
  const open = tasks.filter((x) => !x.doneAt).length;

  return (
    <Panel headingId="tasks-heading" title={t('tasks.heading')} intro={t('tasks.intro')} action={tasks.length ? <Text size="sm">{t('tasks.openCount', { count: open })}</Text> : null} id="tasks">
      {!result.data && result.fetching ? <Loading /> : null}
      <ErrorAlert error={result.error ?? ticked.error ?? removed.error} onRetry={result.error ? reload : undefined} />
      {result.data && !tasks.length ? <Text>{t('tasks.empty')}</Text> : null}
      <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {tasks.map((task) =>
          editing === task.id ? (
            <li key={task.id}>
              <TaskForm item={item} staff={members} task={task} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <TaskLine
              key={task.id}
              task={task}
              canEditCase={item.permissions.edit}
              busy={ticked.fetching}
              onTick={(done) => void tick({ input: { id: task.id, done } })}
              onEdit={staff ? () => setEditing(task.id) : undefined}
              onRemove={staff ? () => window.confirm(t('tasks.removeConfirm')) && void remove({ id: task.id }).then(reload) : undefined}
            />
          ),
        )}
      </Stack>
      {staff ? (
        editing === 'new' ? (
          <TaskForm
            item={item}
            staff={members}
            task={null}
            onDone={() => {
              setEditing(null);
              reload();
            }}
          />
        ) : (
          <Group>
            <Button variant="light" onClick={() => setEditing('new')}>
              {t('tasks.add')}
            </Button>
          </Group>
        )
      ) : null}
    </Panel>
  );
}
