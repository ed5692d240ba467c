import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A long list shown short: the first (or, for a conversation, the latest) `limit` items, with a
 * button that says how many there are in all. Short lists show whole, with no button.
 */
export function useShowMore<T>(items: readonly T[], limit: number, keep: 'first' | 'latest' = 'first') {
  const [all, setAll] = useState(false);
  const long = items.length > limit;
  const shown = !long || all ? items : keep === 'first' ? items.slice(0, limit) : items.slice(items.length - limit);
  const toggle = long ? <ShowMoreButton total={items.length} all={all} onToggle={() => setAll((v) => !v)} /> : null;
  return { shown, toggle };
}

function ShowMoreButton({ total, all, onToggle }: { total: number; all: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" size="sm" onClick={onToggle} aria-expanded={all} style={{ alignSelf: 'flex-start' }}>
      {all ? t('common.showFewer') : t('common.showAll', { count: total })}
    </Button>
  );
}
