import { Button, Select, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Dialog } from '@second-look/web-ui';
import { RecordHoldersQuery, type RecordHolder, type RecordHolderInput } from '@second-look/contracts/graphql';
import { HolderForm } from './holder-form';
import { addAreaStrings, recordsWords } from '@second-look/web-i18n';

addAreaStrings(recordsWords);

export const holderLabel = (h: Pick<RecordHolder, 'name' | 'department'>): string => (h.department ? `${h.name}, ${h.department}` : h.name);

/**
 * Picks a record holder from the organization's directory, or adds one on the spot. Staff add
 * it to the directory at once; with `onNewDraft` (patients, caregivers) the new holder's
 * details go back to the form and are saved with the request.
 */
export function HolderSelect(props: {
  value: string | null;
  onChange: (id: string | null, holder: RecordHolder | null) => void;
  onNewDraft?: (input: RecordHolderInput) => void;
  label: string;
  description?: string;
  error?: string;
  allowNone?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: RecordHoldersQuery, variables: { search: null } });
  const holders = result.data?.recordHolders ?? [];
  const [adding, { open, close }] = useDisclosure(false);
  const prefix = useId();
  const data = [...(props.allowNone ? [{ value: '', label: t('records.noHolderOption') }] : []), ...holders.map((h) => ({ value: h.id, label: holderLabel(h) }))];
  return (
    <Stack gap={6}>
      <Select
        label={props.label}
        description={props.description}
        placeholder={t('records.chooseHolder')}
        data={data}
        value={props.value ?? (props.allowNone ? '' : null)}
        onChange={(v) => props.onChange(v || null, holders.find((h) => h.id === v) ?? null)}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('records.holdersEmpty')}
        error={props.error}
        required={props.required}
      />
      <div>
        <Button variant="subtle" size="sm" onClick={open} px={4}>
          + {t('records.addHolderInline')}
        </Button>
      </div>
      <Dialog opened={adding} onClose={close} title={t('records.addHolder')} size="lg">
        <HolderForm
          idPrefix={`${prefix}-new-holder`}
          onSaved={(h) => {
            close();
            props.onChange(h.id, h);
          }}
          onDraft={
            props.onNewDraft
              ? (input) => {
                  close();
                  props.onNewDraft?.(input);
                }
              : undefined
          }
          onCancel={close}
        />
      </Dialog>
    </Stack>
  );
}
