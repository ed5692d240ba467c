import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';
import { gql } from 'urql';
import { UnreadNotificationCountQuery } from '@second-look/contracts/graphql';

export const notificationsCacheKeys: KeyingConfig = {
  NotificationConnection: () => null,
  // NotificationPreferences and ReminderSettings carry an id (the person's, the organization's):
  // a save returns the whole object, so the cache updates the screen without a refetch.
  EmailPreference: () => null,
  QuietHours: () => null,
};

const ReadAtFragment = gql`
  fragment NotificationReadAt on Notification {
    id
    readAt
  }
`;

/** Every Notification the cache holds, through the pages of `notifications` it has seen. */
function cachedNotificationKeys(cache: Cache): string[] {
  const keys = new Set<string>();
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'notifications') continue;
    const connection = cache.resolve('Query', field.fieldName, field.arguments ?? undefined);
    if (typeof connection !== 'string') continue;
    const nodes = cache.resolve(connection, 'nodes');
    if (Array.isArray(nodes)) nodes.forEach((n) => typeof n === 'string' && keys.add(n));
  }
  return [...keys];
}

function markReadInCache(cache: Cache, key: string, readAt: string): void {
  if (cache.resolve(key, 'readAt') !== null) return; // already read, or not cached at all
  cache.writeFragment(ReadAtFragment, { __typename: 'Notification', id: cache.resolve(key, 'id'), readAt });
}

/**
 * Marking read needs no refetch: the notifications the cache holds get a readAt, and the
 * bell's count drops by what the server says changed (to zero when all were marked).
 */
export const notificationsCacheUpdates: Record<string, UpdateResolver> = {
  markNotificationsRead: (result, args, cache) => {
    const changed = result['markNotificationsRead'];
    if (typeof changed !== 'number') return;
    const ids = (args['ids'] as string[] | null | undefined) ?? null;
    const readAt = new Date().toISOString();
    const keys = ids ? ids.map((id) => cache.keyOfEntity({ __typename: 'Notification', id })).filter((k): k is string => !!k) : cachedNotificationKeys(cache);
    keys.forEach((key) => markReadInCache(cache, key, readAt));
    cache.updateQuery({ query: UnreadNotificationCountQuery, variables: {} }, (data) => (data ? { unreadNotificationCount: ids ? Math.max(0, data.unreadNotificationCount - changed) : 0 } : data));
  },
};
