import { SegmentedControl, Stack, Text } from '@mantine/core';
import { isLanguage, LANGUAGES, type Language } from '@second-look/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The language the screens are in now (i18next's), as one of ours; English if none matches. */
export function useScreenLanguage(): Language {
  const { i18n } = useTranslation();
  const primary = (i18n.language ?? '').slice(0, 2);
  return isLanguage(primary) ? primary : 'en';
}

/**
 * Pick a language for some words apart from the screens' (a script or questions for an
 * English-speaking doctor, a letter to a US records office). Each language is named in itself.
 */
export function LanguageChoice(props: { label: string; help: string; value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {props.label}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        value={props.value}
        onChange={(v) => props.onChange(v as Language)}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`libraryLanguage.name.${l}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <Text size="xs" c="dimmed">
        {props.help}
      </Text>
    </Stack>
  );
}
