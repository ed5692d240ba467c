import { Alert, Badge, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { SearchQuery, type SearchQueryData } from '@second-look/contracts/graphql';
import { normalizeSearchQuery, SEARCH_MAX_LENGTH, SearchHitKind } from '@second-look/domain';
import { addAreaStrings, searchDialogEn, searchDialogEs, enumsWords } from '@second-look/web-i18n';
import { Dialog, formatDay } from '@second-look/web-ui';
import { moveActive } from './search-keys';
import { SearchIcon } from './search-icon';

addAreaStrings(enumsWords);

type Hit = SearchQueryData['search']['hits'][number];

addAreaStrings({ en: { search: searchDialogEn }, es: { search: searchDialogEs } });

/** Where a hit leads: the case, at its records for a record request. */
export const hitPath = (hit: Pick<Hit, 'kind' | 'caseId'>) => `/cases/${hit.caseId}${hit.kind === SearchHitKind.RECORD_REQUEST ? '#records' : ''}`;

function HitLine({ hit }: { hit: Hit }) {
  const { t, i18n } = useTranslation();
  const detail = hit.kind === SearchHitKind.RECORD_REQUEST && hit.sentOn ? t(hit.open ? 'search.request.open' : 'search.request.done', { date: formatDay(hit.sentOn, i18n.language) }) : null;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text fw={600} size="sm" truncate>
          {hit.patientName}
        </Text>
        <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
          {t(`enums.stage.${hit.stage}`)}
        </Badge>
      </Group>
      <Text size="sm" c="gray.8">
        {t(`search.match.${hit.match}`, { text: hit.matchedText })}
        {detail ? ` · ${detail}` : ''}
      </Text>
    </Stack>
  );
}

/**
 * The search dialog: a combobox whose results are a listbox. Arrows move the highlight (focus
 * stays in the box, aria-activedescendant says which result is highlighted), Enter or a click
 * opens it, Escape closes. Full screen on a phone.
 */
export function SearchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const ids = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(text, 200);
  const query = normalizeSearchQuery(debounced);
  const [result] = useQuery({ query: SearchQuery, variables: { query: query ?? '' }, pause: !query || !opened, requestPolicy: 'cache-and-network' });
  // Only an answer to what is in the box now counts (a late one for an older query is not shown).
  const current = query && result.data?.search.query === query ? result.data.search.hits : null;
  const hits = current ?? [];
  const waiting = !!query && (result.fetching || normalizeSearchQuery(text) !== query) && !current;

  const close = () => {
    onClose();
    setActive(-1);
  };
  const openHit = (hit: Hit) => {
    close();
    setText('');
    void navigate(hitPath(hit));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => moveActive(a, hits.length, e.key));
    } else if (e.key === 'Enter') {
      const hit = hits[active] ?? (hits.length === 1 ? hits[0] : undefined);
      if (hit) {
        e.preventDefault();
        openHit(hit);
      }
    }
  };

  const listId = `${ids}-results`;
  const optionId = (i: number) => `${ids}-hit-${i}`;
  return (
    <Dialog opened={opened} onClose={close} fullScreen={phone} size="lg" yOffset="8vh" title={t('search.label')} closeButtonProps={{ 'aria-label': t('search.close') }}>
      <Stack gap="sm">
        <TextInput
          data-autofocus
          value={text}
          maxLength={SEARCH_MAX_LENGTH}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          leftSection={<SearchIcon size={18} />}
          rightSection={waiting ? <Loader size="xs" aria-hidden /> : null}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          description={t('search.keys')}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={active >= 0 && hits[active] ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          type="search"
        />
        <div role="status" aria-live="polite">
          {!query ? (
            <Text size="sm" c="gray.8">
              {t('search.hint')}
            </Text>
          ) : result.error && !current ? (
            <Alert color="red" variant="light">
              {t('search.failed')}
            </Alert>
          ) : waiting ? (
            <Text size="sm" c="gray.8">
              {t('search.loading')}
            </Text>
          ) : hits.length === 0 ? (
            <Text size="sm">{t('search.none', { query })}</Text>
          ) : (
            <Text size="sm" c="gray.8">
              {t('search.results', { count: hits.length })}
            </Text>
          )}
        </div>
        <ul id={listId} role="listbox" aria-label={t('search.label')} className="sl-search-results">
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}-${hit.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="sl-search-option"
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => openHit(hit)}
            >
              <HitLine hit={hit} />
            </li>
          ))}
        </ul>
      </Stack>
    </Dialog>
  );
}
