import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { CasePresenceSubscription, type CasePresence } from '@second-look/contracts/graphql';
import type { LiveStatus } from './live-client';
import { addAreaStrings, enumsWords, liveWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, liveWords);

/**
 * "Maria (patient) is viewing", "Sam (advocate) is editing the summary". One line per person
 * (their open tabs collapse into one), what they edit winning over just looking. It subscribes
 * to presence itself, so someone focusing a field redraws this bar, not the whole case page.
 */
export function CasePresenceBar({ caseId, viewId, status }: { caseId: string; viewId: string; status: LiveStatus }) {
  const { t } = useTranslation();
  // Who has this case open (this tab too, as `you`); the subscription also keeps this view's entry alive.
  const [result] = useSubscription({ query: CasePresenceSubscription, variables: { caseId, viewId }, pause: !caseId });
  const people = result.data?.casePresence ?? [];
  const others = new Map<string, CasePresence>();
  for (const p of people) {
    if (p.you || !p.user) continue;
    const seen = others.get(p.user.id);
    if (!seen || (!seen.editing && p.editing)) others.set(p.user.id, p);
  }
  const lines = [...others.values()];
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="case-presence-heading" aria-live="polite">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} id="case-presence-heading">
            {t('live.hereNow')}
          </Text>
          <Badge variant="filled" color={status === 'connected' ? 'teal.9' : 'gray.7'} size="sm" data-testid="live-status">
            {status === 'connected' ? t('live.connected') : t('live.reconnecting')}
          </Badge>
        </Group>
        {lines.length ? (
          <Stack component="ul" gap={2} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="presence-list">
            {lines.map((p) => {
              const vars = { name: p.user?.displayName ?? '', role: t(`enums.role.${p.role}`).toLocaleLowerCase() };
              return (
                <Text component="li" size="sm" key={p.user?.id ?? p.key}>
                  {p.editing ? t('live.editing', { ...vars, area: t(`live.area.${p.editing}`) }) : t('live.viewing', vars)}
                </Text>
              );
            })}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('live.onlyYou')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
