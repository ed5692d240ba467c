import { Client, fetchExchange, mapExchange } from 'urql';
import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import {
  MeQuery,
  StaffInvitationsQuery,
  type Viewer,
} from '@second-look/contracts/graphql';
import { recordsCacheKeys, recordsCacheUpdates } from '@second-look/web-records';
import { notificationsCacheKeys, notificationsCacheUpdates } from '@second-look/web-notifications';
import { refreshCaseTimeline, timelineCacheKeys } from '@second-look/web-timeline';
import { jobsCacheKeys } from '@second-look/web-admin';
import { journeyCacheKeys, journeyCacheUpdates } from '@second-look/web-opinions';
import { providersCacheKeys, providersCacheUpdates } from '@second-look/web-providers';
import { insuranceCacheKeys } from '@second-look/web-insurance';
import { createLiveClient, liveCacheKeys, liveCacheUpdates, liveSubscriptionExchange } from '@second-look/web-collaboration';
import { notesCacheKeys } from '@second-look/web-notes';

/** Invalidate every cached page of a list field so the next read asks the server. */
function invalidateField(cache: Cache, field: string): void {
  cache
    .inspectFields('Query')
    .filter((f) => f.fieldName === field)
    .forEach((f) => cache.invalidate('Query', f.fieldName, f.arguments ?? undefined));
}

function setViewer(cache: Cache, viewer: Viewer | null): void {
  cache.updateQuery({ query: MeQuery, variables: {} }, () => ({ me: viewer }));
}

function appendToCaseList(cache: Cache, caseId: string, field: 'comments' | 'invitations', item: { id: string }): void {
  const key = cache.keyOfEntity({ __typename: 'Case', id: caseId });
  if (!key) return;
  const resolved = cache.resolve(key, field);
  if (!Array.isArray(resolved)) return; // not loaded yet: the next read fetches it
  const current = resolved as string[];
  const ref = cache.keyOfEntity(item as { __typename: string; id: string });
  if (!ref || current.includes(ref)) return;
  cache.link(key, field, [...current, ref]);
}

/**
 * One urql client with a normalised cache (Graphcache) and no other client store.
 * POST only: Apollo's CSRF prevention rejects GET queries without a preflight header.
 */
export function createUrqlClient(onUnauthenticated: () => void): Client {
  // Subscriptions (live case events, presence, shared notes) share one WebSocket per tab.
  const live = createLiveClient(onUnauthenticated);
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: { credentials: 'include', headers: { 'content-type': 'application/json' } },
    exchanges: [
      cacheExchange({
        keys: {
          // Value objects without an id live inside their parent entity.
          CasePermissions: () => null,
          PageInfo: () => null,
          CaseConnection: () => null,
          AuditEventConnection: () => null,
          InvitationPreview: () => null,
          CaseParticipant: (p) => (p['id'] as string | undefined) ?? null,
          ...recordsCacheKeys,
          ...notificationsCacheKeys,
          ...timelineCacheKeys,
          ...jobsCacheKeys,
          ...journeyCacheKeys,
          ...providersCacheKeys,
          ...insuranceCacheKeys,
          ...liveCacheKeys,
          ...notesCacheKeys,
        },
        updates: {
          Subscription: {
            ...liveCacheUpdates,
          },
          Mutation: {
            signIn: (result, _args, cache) => setViewer(cache, (result['signIn'] as Viewer) ?? null),
            confirmSignUp: (result, _args, cache) => setViewer(cache, (result['confirmSignUp'] as Viewer) ?? null),
            acceptInvitation: (result, _args, cache) => setViewer(cache, (result['acceptInvitation'] as Viewer) ?? null),
            signOut: (_result, _args, cache) => setViewer(cache, null),
            signOutEverywhere: (_result, _args, cache) => setViewer(cache, null),
            createCase: (_result, _args, cache) => invalidateField(cache, 'cases'),
            // A stage move or edit can change which list pages and filters a case belongs to;
            // a stage move can finish a phase of the timeline, a change of urgency moves its targets.
            moveCaseStage: (_result, args, cache) => {
              invalidateField(cache, 'cases');
              refreshCaseTimeline(cache, (args['input'] as { caseId?: string } | undefined)?.caseId);
            },
            updateCase: (_result, args, cache) => refreshCaseTimeline(cache, (args['input'] as { id?: string } | undefined)?.id),
            assignLeadAdvocate: (_result, _args, cache) => invalidateField(cache, 'cases'),
            addComment: (result, args, cache) => {
              const input = args['input'] as { caseId: string };
              const comment = result['addComment'] as { id: string } | null;
              if (comment) appendToCaseList(cache, input.caseId, 'comments', comment);
            },
            invitePatient: (result, args, cache) => {
              const input = args['input'] as { caseId: string };
              const inv = result['invitePatient'] as { id: string } | null;
              if (inv) appendToCaseList(cache, input.caseId, 'invitations', inv);
            },
            inviteCaregiver: (result, args, cache) => {
              const input = args['input'] as { caseId: string };
              const inv = result['inviteCaregiver'] as { id: string } | null;
              if (inv) appendToCaseList(cache, input.caseId, 'invitations', inv);
            },
            inviteStaff: (result, _args, cache) => {
              const inv = result['inviteStaff'];
              if (!inv) return;
              cache.updateQuery({ query: StaffInvitationsQuery, variables: {} }, (data) =>
                data ? { staffInvitations: [...data.staffInvitations, inv as never] } : data,
              );
            },
            revokeInvitation: (result, args, cache) => {
              if (result['revokeInvitation']) cache.invalidate({ __typename: 'Invitation', id: args['id'] as string });
            },
            changeMemberRole: (_result, _args, cache) => invalidateField(cache, 'auditEvents'),
            ...recordsCacheUpdates,
            ...notificationsCacheUpdates,
            ...journeyCacheUpdates,
            ...providersCacheUpdates,
          },
        },
      }),
      mapExchange({
        onError(error, operation) {
          const code = error.graphQLErrors?.[0]?.extensions?.['code'];
          const name = operation.query.definitions.find((d) => d.kind === 'OperationDefinition');
          const opName = name && 'name' in name ? name.name?.value : undefined;
          // A session that ended mid-use: start clean so the sign-in page shows.
          if (code === 'UNAUTHENTICATED' && opName !== 'Me' && opName !== 'SignIn') onUnauthenticated();
        },
      }),
      fetchExchange,
      liveSubscriptionExchange(live),
    ],
  });
}
