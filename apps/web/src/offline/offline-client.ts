import type { OptimisticMutationConfig, StorageAdapter, offlineExchange } from '@urql/exchange-graphcache';
import { makeDefaultStorage, type DefaultStorage } from '@urql/exchange-graphcache/default-storage';
import type { Client } from 'urql';
import { offlineEn, offlineEs, type addAreaStrings } from '@second-look/web-i18n';
import type { clearDeviceDrafts, isOwnDevice } from '@second-look/web-ui';
import type { createUrqlClient } from '../urql-client';

/**
 * What this chunk uses from the first screen's code, handed over by main.tsx rather than
 * imported: a static import of those modules from here would make the bundler split them into
 * new shared chunks and the first screen heavier (tools/web/bundle-budget.mjs).
 */
export interface FirstScreenParts {
  createUrqlClient: typeof createUrqlClient;
  offlineExchange: typeof offlineExchange;
  addAreaStrings: typeof addAreaStrings;
  clearDeviceDrafts: typeof clearDeviceDrafts;
  isOwnDevice: typeof isOwnDevice;
  ownDeviceKey: string;
}

let parts: FirstScreenParts;

/** Called once, before anything else here. */
export function start(given: FirstScreenParts): void {
  parts = given;
  parts.addAreaStrings({ en: { offline: offlineEn }, es: { offline: offlineEs } });
}

/**
 * The client of an own device ("this is my own device" at sign-in): the same normalized cache,
 * kept in IndexedDB so the case last opened reads without a connection, and edits made offline
 * queued there and sent when the connection is back. This module and the storage load lazily
 * (main.tsx), only on an own device, so the first screen of everyone else carries none of it.
 */
export const OFFLINE_DB = 'second-look-offline';

let storage: DefaultStorage | null = null;
/** The adapter the current client writes through; retired (writes dropped) once the copy is cleared. */
let current: { active: boolean } | null = null;

/** The saved copy, opened once per page; several client generations write through it in turn. */
function openStorage(): DefaultStorage {
  // Seven days unused and an entry is dropped (a device left in a drawer keeps nothing for long).
  storage ??= makeDefaultStorage({ idbName: OFFLINE_DB, maxAge: 7 });
  return storage;
}

/** Empties the saved copy (cached answers and edits waiting to be sent); never creates it to empty it. */
export async function clearSavedCopy(): Promise<void> {
  if (current) current.active = false;
  if (!storage) {
    const known = (await indexedDB.databases?.()) ?? [{ name: OFFLINE_DB }];
    if (!known.some((d) => d.name === OFFLINE_DB)) return;
  }
  await openStorage().clear();
}

/** Writes go through while this client is the live one; after a sign-out nothing more lands on disk. */
function adapter(base: DefaultStorage, onHydrated: () => void): StorageAdapter {
  const state = { active: true };
  current = state;
  return {
    onCacheHydrated: onHydrated,
    readData: () => base.readData(),
    writeData: (delta) => (state.active ? base.writeData(delta) : Promise.resolve()),
    readMetadata: () => base.readMetadata?.() ?? Promise.resolve(null),
    writeMetadata: (json) => {
      if (state.active) base.writeMetadata?.(json);
    },
    onOnline: (cb) => base.onOnline?.(cb),
  };
}

/**
 * Edits that may be made offline are the versioned ones with an optimistic answer: Graphcache
 * queues only those. The optimistic answer shows the new words at once; replayed on reconnect,
 * the mutation still carries the version the edit started from, so a change made elsewhere
 * meanwhile comes back as a version conflict, as it would online.
 */
const optimistic: OptimisticMutationConfig = {
  // Mirrors UpdateCaseQuestionMutation's selection (id starter text position version).
  updateCaseQuestion: (args, cache) => {
    const input = args['input'] as { id: string; text: string; expectedVersion: number };
    const q = { __typename: 'CaseQuestion', id: input.id };
    return { ...q, text: input.text, starter: cache.resolve(q, 'starter') ?? null, position: cache.resolve(q, 'position') ?? 0, version: input.expectedVersion + 1 };
  },
};

/** Session ended (expired, or signed out in another tab): drop the saved copy, then start clean. */
export function createOfflineClient(reset: () => void, onHydrated: (client: Client) => void): Client {
  const ended = () => {
    parts.clearDeviceDrafts();
    reset();
  };
  // Called back once the saved copy is in the cache (the client is made by then: IndexedDB answers later).
  const client: Client = parts.createUrqlClient(ended, {
    cache: (config) => parts.offlineExchange({ ...config, optimistic, storage: adapter(openStorage(), () => onHydrated(client)) }),
    // The saved copy may be days old: show it at once, and ask the server whenever there is a connection.
    requestPolicy: 'cache-and-network',
    onSignedOut: ended,
  });
  return client;
}

/** Another tab signed out (it removed the own-device mark): this tab lets go of the case too. */
export function watchOtherTabs(reset: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || (e.key === parts.ownDeviceKey && !parts.isOwnDevice())) {
      void clearSavedCopy();
      reset();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/** The app shell (index.html, scripts, styles) cached by the service worker, so a reload offline opens. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}
