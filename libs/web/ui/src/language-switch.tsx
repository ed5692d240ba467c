import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@second-look/domain';
import { currentLanguage, switchLanguage } from '@second-look/web-i18n';

/** The language to offer: the other one (two languages today), named in its own words. */
export const otherLanguage = (current: Language): Language => LANGUAGES.find((l) => l !== current) ?? current;

/**
 * "Español" on an English screen, "English" on a Spanish one. Switches in place, so nothing typed
 * is lost. Signed out it only remembers the choice in this browser (sent on sign-in); signed in,
 * `onChoose` also stores it on the person.
 */
export function LanguageSwitch(props: { onChoose?: (language: Language) => Promise<unknown> | void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const next = otherLanguage(currentLanguage());
  const choose = async () => {
    setBusy(true);
    try {
      await switchLanguage(next, { remember: true });
      await props.onChoose?.(next);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="subtle" size="compact-md" onClick={() => void choose()} loading={busy} lang={next}>
      {t(`language.name.${next}`)}
    </Button>
  );
}
