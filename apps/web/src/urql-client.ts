import { Client, fetchExchange, mapExchange, type Exchange, type RequestPolicy } from 'urql';
import { cacheExchange, type Cache, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import { MeQuery, StaffInvitationsQuery, type Viewer } from '@second-look/contracts/graphql';
import { recordsCacheKeys, recordsCacheUpdates } from '@second-look/web-records';
import { notificationsCacheKeys, notificationsCacheUpdates } from '@second-look/web-notifications';
import { refreshCaseTimeline, timelineCacheKeys } from '@second-look/web-timeline';
import { jobsCacheKeys } from '@second-look/web-admin';
import { journeyCacheKeys, journeyCacheUpdates } from '@second-look/web-opinions';
import { providersCacheKeys, providersCacheUpdates } from '@second-look/web-providers';
import { insuranceCacheKeys } from '@second-look/web-insurance';
import { createLiveClient, liveCacheKeys, liveCacheUpdates, liveSubscriptionExchange } from '@second-look/web-collaboration';
import { notesCacheKeys } from '@second-look/web-notes';
import { exportsCacheKeys } from '@second-look/web-exports';
import { tasksCacheKeys, tasksCacheUpdates } from '@second-look/web-tasks';
import { searchCacheKeys } from '@second-look/web-search';

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

/** How the client's normalized cache is built: in memory (the default) or kept on the device. */
export interface UrqlClientOptions {
  /** Builds the cache exchange from the shared keying and update config (default: in memory). */
  cache?: (config: CacheExchangeOpts) => Exchange;
  requestPolicy?: RequestPolicy;
  /** Called when the server says "nobody is signed in" to Me (the session ended elsewhere). */
  onSignedOut?: () => void;
}

/**
 * One urql client with a normalized cache (Graphcache) and no other client store.
 * POST only: Apollo's CSRF prevention rejects GET queries without a preflight header.
 */
export function createUrqlClient(onUnauthenticated: () => void, options: UrqlClientOptions = {}): Client {
  // An ended session is told by many answers at once (the socket's close, each query of the page
  // refused): the first one starts clean, the rest of this client's are the same news.
  let ended = false;
  const endOnce = (then: (() => void) | undefined) => () => {
    if (ended) return;
    ended = true;
    then?.();
  };
  const unauthenticated = endOnce(onUnauthenticated);
  // Whether the server last said someone is signed in here: a refusal before that (a wrong
  // second-step code, an expired reset link) is the sign-in page's own business, not an ended session.
  let signedIn = false;
  const signedOut = endOnce(options.onSignedOut);
  // Subscriptions (live case events, presence, shared notes) share one WebSocket per tab.
  const live = createLiveClient(unauthenticated);
  const makeCache = options.cache ?? cacheExchange;
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: options.requestPolicy,
    fetchOptions: { credentials: 'include', headers: { 'content-type': 'application/json' } },
    exchanges: [
      makeCache({
        keys: {
          // Value objects without an id live inside their parent entity.
          CasePermissions: () => null,
          PageInfo: () => null,
          CaseConnection: () => null,
          AuditEventConnection: () => null,
          InvitationPreview: () => null,
          // Second sign-in steps: answers embedded in their parent, never shared entities.
          AccountSecurity: () => null,
          StaffSecurity: () => null,
          FactorAdded: () => null,
          TotpEnrollment: () => null,
          PasskeySignIn: () => null,
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
          ...exportsCacheKeys,
          ...tasksCacheKeys,
          ...searchCacheKeys,
        },
        updates: {
          Subscription: {
            ...liveCacheUpdates,
          },
          Mutation: {
            signIn: (result, _args, cache) => setViewer(cache, (result['signIn'] as Viewer) ?? null),
            confirmSignUp: (result, _args, cache) => setViewer(cache, (result['confirmSignUp'] as Viewer) ?? null),
            acceptInvitation: (result, _args, cache) => setViewer(cache, (result['acceptInvitation'] as Viewer) ?? null),
            completeSignIn: (result, _args, cache) => setViewer(cache, (result['completeSignIn'] as Viewer) ?? null),
            signInWithPasskey: (result, _args, cache) => setViewer(cache, (result['signInWithPasskey'] as Viewer) ?? null),
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
              cache.updateQuery({ query: StaffInvitationsQuery, variables: {} }, (data) => (data ? { staffInvitations: [...data.staffInvitations, inv as never] } : data));
            },
            revokeInvitation: (result, args, cache) => {
              if (result['revokeInvitation']) cache.invalidate({ __typename: 'Invitation', id: args['id'] as string });
            },
            changeMemberRole: (_result, _args, cache) => invalidateField(cache, 'auditEvents'),
            ...recordsCacheUpdates,
            ...tasksCacheUpdates,
            ...notificationsCacheUpdates,
            ...journeyCacheUpdates,
            ...providersCacheUpdates,
          },
        },
      }),
      mapExchange({
        onResult(result) {
          // Only network answers pass here (the cache sits before this exchange): `me` null
          // means the server knows nobody here (an ended session).
          if (result.data?.['me'] === null && options.onSignedOut) signedOut();
          if (result.data?.['me'] !== undefined) signedIn = result.data['me'] !== null;
        },
        onError(error, operation) {
          const code = error.graphQLErrors?.[0]?.extensions?.['code'];
          const name = operation.query.definitions.find((d) => d.kind === 'OperationDefinition');
          const opName = name && 'name' in name ? name.name?.value : undefined;
          // A session that ended mid-use: start clean so the sign-in page shows.
          if (code === 'UNAUTHENTICATED' && signedIn && opName !== 'Me' && opName !== 'SignIn') unauthenticated();
        },
      }),
      fetchExchange,
      liveSubscriptionExchange(live),
    ],
  });
}
