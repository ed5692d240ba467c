import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AutoTextarea, ErrorAlert, fieldErrors } from '@second-look/web-ui';
import { CreateRecordHolderMutation, UpdateRecordHolderMutation, type RecordHolder, type RecordHolderInput } from '@second-look/contracts/graphql';
import { addAreaStrings, recordsWords } from '@second-look/web-i18n';

addAreaStrings(recordsWords);

const EMPTY: Required<{ [K in keyof RecordHolderInput]: string }> = {
  name: '',
  department: '',
  phone: '',
  fax: '',
  email: '',
  portalUrl: '',
  address: '',
};

/**
 * Adds a record holder, or edits one when `holder` is given. With `onDraft` nothing is saved:
 * the details go back to the caller (a patient's new holder is saved with their request).
 */
export function HolderForm(props: { holder?: RecordHolder; idPrefix: string; onSaved: (holder: RecordHolder) => void; onDraft?: (input: RecordHolderInput) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() =>
    props.holder
      ? {
          name: props.holder.name,
          department: props.holder.department,
          phone: props.holder.phone,
          fax: props.holder.fax,
          email: props.holder.email,
          portalUrl: props.holder.portalUrl,
          address: props.holder.address,
        }
      : EMPTY,
  );
  const [touched, setTouched] = useState(false);
  const [created, create] = useMutation(CreateRecordHolderMutation);
  const [updated, update] = useMutation(UpdateRecordHolderMutation);
  const result = props.holder ? updated : created;
  const errors = fieldErrors(result.error);
  const set = (k: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [k]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation(); // may sit inside the new-request form
    setTouched(true);
    if (!draft.name.trim()) return;
    const input: RecordHolderInput = {
      name: draft.name.trim(),
      department: draft.department.trim(),
      phone: draft.phone.trim(),
      fax: draft.fax.trim(),
      email: draft.email.trim(),
      portalUrl: draft.portalUrl.trim(),
      address: draft.address.trim(),
    };
    if (props.onDraft) {
      props.onDraft(input);
    } else if (props.holder) {
      const res = await update({ input: { ...input, id: props.holder.id } });
      if (res.data) props.onSaved(res.data.updateRecordHolder);
    } else {
      const res = await create({ input });
      if (res.data) props.onSaved(res.data.createRecordHolder);
    }
  };

  const id = (k: string) => `${props.idPrefix}-${k}`;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          id={id('name')}
          label={t('records.holderName')}
          value={draft.name}
          onChange={set('name')}
          required
          error={(touched && !draft.name.trim() ? t('validation.required') : undefined) ?? errors['name']}
        />
        <TextInput id={id('department')} label={t('records.holderDepartment')} value={draft.department} onChange={set('department')} error={errors['department']} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput id={id('phone')} type="tel" label={t('records.holderPhone')} value={draft.phone} onChange={set('phone')} error={errors['phone']} />
          <TextInput id={id('fax')} type="tel" label={t('records.holderFax')} value={draft.fax} onChange={set('fax')} error={errors['fax']} />
          <TextInput id={id('email')} type="email" label={t('records.holderEmail')} value={draft.email} onChange={set('email')} error={errors['email']} />
          <TextInput id={id('portal')} type="url" label={t('records.holderPortal')} value={draft.portalUrl} onChange={set('portalUrl')} error={errors['portalUrl']} />
        </SimpleGrid>
        <AutoTextarea id={id('address')} label={t('records.holderAddress')} value={draft.address} onChange={set('address')} minRows={2} error={errors['address']} />
        <ErrorAlert error={result.error} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('common.save')}
          </Button>
          <Button variant="subtle" onClick={props.onCancel} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
