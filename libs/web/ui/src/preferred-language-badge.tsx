import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '@second-look/domain';

/**
 * "Prefers Spanish" beside a patient's name (case header, case list, records board), so an
 * advocate knows to call and write in that language. Nothing for the default (English).
 */
export function PreferredLanguageBadge({ language, size = 'md' }: { language: Language; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (language === DEFAULT_LANGUAGE) return null;
  return (
    <Badge color="grape.9" variant="light" size={size}>
      {t('language.prefers', { language: t(`language.spoken.${language}`) })}
    </Badge>
  );
}
