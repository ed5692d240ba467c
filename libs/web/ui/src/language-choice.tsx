import { Group, Radio } from '@mantine/core';
import { isLanguage, LANGUAGES, type Language } from '@second-look/domain';
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
 * Plain radio buttons: a SegmentedControl's sliding indicator measured its place again (forced
 * layouts) whenever anything on the page around it changed, and the case page draws two of these
 * while its parts fill in (docs/architecture.md, "First screens").
 */
export function LanguageChoice(props: { label: string; help: string; value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={props.label} description={props.help} inputWrapperOrder={['label', 'input', 'description']} value={props.value} onChange={(v) => props.onChange(v as Language)}>
      <Group gap="md" mt={4} mb={4}>
        {LANGUAGES.map((l) => (
          <Radio key={l} value={l} label={t(`libraryLanguage.name.${l}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
