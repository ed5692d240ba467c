import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { isStaffRole, Role } from '@second-look/domain';
import { AddCaseTaskMutation, UpdateCaseTaskMutation, type CaseDetail, type CaseTaskItem, type User } from '@second-look/contracts/graphql';
import { AutoTextarea, ConflictNotice, ErrorAlert, fieldErrors, staleConflict } from '@second-look/web-ui';

const NOBODY = '';

/** The people a task can be given to: staff of the organization, and the patient and caregivers of this case. */
export function assigneeOptions(item: CaseDetail, staff: readonly User[]): { value: string; label: string; role: Role }[] {
  const people = new Map<string, { value: string; label: string; role: Role }>();
  for (const p of item.participants) people.set(p.user.id, { value: p.user.id, label: p.user.displayName, role: p.role });
  for (const u of staff) if (isStaffRole(u.role)) people.set(u.id, { value: u.id, label: u.displayName, role: u.role });
  return [...people.values()];
}

interface Draft {
  title: string;
  details: string;
  assigneeId: string;
  dueOn: string;
  remindOn: string;
  internal: boolean;
}

const draftOf = (task: CaseTaskItem | null): Draft => ({
  title: task?.title ?? '',
  details: task?.details ?? '',
  assigneeId: task?.assigneeId ?? NOBODY,
  dueOn: task?.dueOn ?? '',
  remindOn: task?.remindOn ?? '',
  internal: task?.internal ?? false,
});

/** Add a task, or edit one (with the version it was read at: a stale save shows both versions). */
export function TaskForm(props: { item: CaseDetail; staff: readonly User[]; task: CaseTaskItem | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [added, add] = useMutation(AddCaseTaskMutation);
  const [updated, update] = useMutation(UpdateCaseTaskMutation);
  const [f, setF] = useState<Draft>(() => draftOf(props.task));
  const [version, setVersion] = useState(props.task?.version ?? 0);
  const result = props.task ? updated : added;
  const errs = fieldErrors(result.error);
  const conflict = staleConflict(updated.error);
  const options = assigneeOptions(props.item, props.staff);
  const forClient = options.some((o) => o.value === f.assigneeId && !isStaffRole(o.role));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setF((d) => ({ ...d, [k]: v }));

  const submit = async () => {
    const fields = { title: f.title, details: f.details, assigneeId: f.assigneeId || null, dueOn: f.dueOn || null, remindOn: f.remindOn || null, internal: f.internal && !forClient };
    const r = props.task ? await update({ input: { id: props.task.id, expectedVersion: version, ...fields } }) : await add({ input: { caseId: props.item.id, ...fields } });
    if (!r.error) props.onDone();
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <TextInput label={t('tasks.title')} required value={f.title} onChange={(e) => set('title', e.currentTarget.value)} error={errs['title']} data-autofocus maxLength={200} />
      <Select
        label={t('tasks.assignee')}
        data={[{ value: NOBODY, label: t('tasks.nobody') }, ...options.map(({ value, label }) => ({ value, label }))]}
        value={f.assigneeId}
        onChange={(v) => set('assigneeId', v ?? NOBODY)}
        allowDeselect={false}
        error={errs['assigneeId']}
      />
      <Group grow align="flex-start">
        <TextInput type="date" label={`${t('tasks.dueOn')} (${t('common.optional')})`} value={f.dueOn} onChange={(e) => set('dueOn', e.currentTarget.value)} error={errs['dueOn']} />
        <TextInput
          type="date"
          label={`${t('tasks.remindOn')} (${t('common.optional')})`}
          description={t('tasks.remindOnHelp')}
          value={f.remindOn}
          max={f.dueOn || undefined}
          onChange={(e) => set('remindOn', e.currentTarget.value)}
          error={errs['remindOn']}
        />
      </Group>
      <AutoTextarea label={`${t('tasks.details')} (${t('common.optional')})`} minRows={2} value={f.details} onChange={(e) => set('details', e.currentTarget.value)} error={errs['details']} />
      {forClient ? null : <Checkbox label={t('tasks.internal')} description={t('tasks.internalHelp')} checked={f.internal} onChange={(e) => set('internal', e.currentTarget.checked)} />}
      {conflict ? (
        <ConflictNotice
          fields={[{ label: t('tasks.title'), mine: f.title, theirs: String(conflict.current['title'] ?? '') }]}
          onKeepMine={() => setVersion(conflict.currentVersion)}
          onTakeTheirs={() => {
            setF(draftOf({ ...props.task!, ...(conflict.current as Partial<CaseTaskItem>) }));
            setVersion(conflict.currentVersion);
          }}
        />
      ) : (
        <ErrorAlert error={Object.keys(errs).length ? undefined : result.error} />
      )}
      <Group>
        <Button type="submit" loading={result.fetching} disabled={!!conflict && version !== conflict.currentVersion}>
          {t('tasks.save')}
        </Button>
        <Button variant="subtle" onClick={props.onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
