import type { Client } from 'graphql-ws';
import { subscriptionExchange, type Exchange } from 'urql';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'signed-out';

let status: LiveStatus = 'connecting';
const listeners = new Set<() => void>();
const setStatus = (s: LiveStatus) => {
  if (s === status) return;
  status = s;
  listeners.forEach((l) => l());
};
/** For useSyncExternalStore: whether the live connection is up right now. */
export const liveStatusStore = {
  get: (): LiveStatus => status,
  subscribe: (l: () => void): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

/** Closed by the server because the session ended: retrying would only be refused again. */
const SIGNED_OUT = 4401;

/** The tab's live connection, its code fetched with the first subscription (not on every first screen). */
export interface LiveClient {
  get(): Promise<Client>;
}

/**
 * One WebSocket for every subscription of the tab (graphql-ws over /graphql, the session
 * cookie goes with the upgrade as with any same-origin request). It opens on the first
 * subscription, and after a drop (a phone between cells) it retries with growing pauses for
 * as long as the page is open; each subscription then starts again and the case page
 * refetches once, so nothing missed while offline stays missing. graphql-ws itself is loaded
 * with that first subscription: the sign-in screen and any screen without live parts never
 * fetch it (the service worker keeps its chunk for offline use like every other).
 */
export function createLiveClient(onSignedOut: () => void): LiveClient {
  let client: Promise<Client> | null = null;
  const open = async (): Promise<Client> => {
    const { createClient } = await import('graphql-ws');
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
    return createClient({
      url,
      lazy: true,
      lazyCloseTimeout: 3000,
      retryAttempts: Infinity,
      shouldRetry: (e) => (e as { code?: number })?.code !== SIGNED_OUT,
      retryWait: async (retries) => {
        // 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not hit all at once.
        const ms = Math.min(30_000, 1000 * 2 ** retries) * (0.75 + Math.random() * 0.5);
        await new Promise((r) => setTimeout(r, ms));
      },
      on: {
        connected: () => setStatus('connected'),
        closed: (e) => {
          if ((e as { code?: number })?.code === SIGNED_OUT) {
            setStatus('signed-out');
            onSignedOut();
          } else setStatus('reconnecting');
        },
        connecting: () => {
          if (status !== 'connected') return;
          setStatus('reconnecting');
        },
      },
    });
  };
  return {
    get: () =>
      (client ??= open().catch((e: unknown) => {
        // The chunk could not be fetched (a deploy replaced it): the next subscription tries again.
        client = null;
        throw e;
      })),
  };
}

/** The urql exchange that sends subscriptions over the live client. */
export function liveSubscriptionExchange(live: LiveClient): Exchange {
  return subscriptionExchange({
    forwardSubscription(request) {
      const input = { ...request, query: request.query || '' };
      return {
        subscribe(sink) {
          let stop: (() => void) | null = null;
          let ended = false;
          live.get().then(
            (client) => {
              if (!ended) stop = client.subscribe(input, sink);
            },
            (e: unknown) => {
              if (!ended) sink.error(e);
            },
          );
          return {
            unsubscribe: () => {
              ended = true;
              stop?.();
            },
          };
        },
      };
    },
  });
}
