import { ActionIcon, UnstyledButton } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '@second-look/web-ui';
import { SearchIcon } from './search-icon';
import { isSearchShortcut } from './search-keys';

// The dialog, its query and its results load on first open, in their own chunk.
const SearchDialog = lazyNamed(() => import('./search-dialog'), 'SearchDialog');

/**
 * The header's search: a box-like button on wide screens, an icon on a phone, and the
 * keyboard shortcuts `/` and Ctrl+K (⌘K) from anywhere in the signed-in app.
 */
export function SearchLauncher() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      setLoaded(true);
      setOpened(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const open = () => {
    setLoaded(true);
    setOpened(true);
  };
  return (
    <>
      <UnstyledButton onClick={open} className="sl-search-launcher" visibleFrom="sm" aria-keyshortcuts="/ Control+K" title={t('search.shortcut')}>
        <SearchIcon size={18} />
        <span className="sl-search-launcher-text">{t('search.placeholder')}</span>
        <kbd className="sl-search-launcher-key" aria-hidden>
          /
        </kbd>
      </UnstyledButton>
      <ActionIcon onClick={open} hiddenFrom="sm" variant="subtle" color="blue" size={44} radius="xl" aria-label={t('search.open')} aria-keyshortcuts="/ Control+K">
        <SearchIcon />
      </ActionIcon>
      {loaded && (
        <Suspense fallback={null}>
          <SearchDialog opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
