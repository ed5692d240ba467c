import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '@second-look/domain';
import type { CaseDetail } from '@second-look/contracts/graphql';
import { ErrorAlert } from '@second-look/web-ui';
import { useCaseUpdate } from './use-case-update';

/**
 * The patient's preferred language on the case header. Staff and the patient (whoever may edit
 * the case) change it here; it saves at once through the versioned case update, so a change
 * made by someone else since is never overwritten (the case reloads and the error says so).
 */
export function PreferredLanguageSelect({ item, reload, staff }: { item: CaseDetail; reload: () => void; staff: boolean }) {
  const { t } = useTranslation();
  const { save, saving, error } = useCaseUpdate(item.id, reload);
  const label = t('language.preferred');
  if (!item.permissions.edit) {
    return <Text size="sm">{`${label}: ${t(`language.spoken.${item.preferredLanguage}`)}`}</Text>;
  }
  return (
    <Stack gap={4} maw={320}>
      <Select
        label={label}
        description={t(staff ? 'language.preferredHelp' : 'language.preferredHelpPatient')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`language.spoken.${l}`) }))}
        value={item.preferredLanguage}
        allowDeselect={false}
        disabled={saving}
        onChange={(value) => {
          if (isLanguage(value) && value !== item.preferredLanguage) void save({ preferredLanguage: value }, item.version);
        }}
      />
      <ErrorAlert error={error} withTitle={false} />
    </Stack>
  );
}
