import { MantineProvider } from '@mantine/core';
import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { i18n, initI18n, initialLanguage } from '@second-look/web-i18n';
import { ViewerProvider } from '@second-look/web-auth';
import { offlineExchange } from '@urql/exchange-graphcache';
import { addAreaStrings } from '@second-look/web-i18n';
import { ClientResetContext, Loading, OWN_DEVICE_KEY, clearDeviceDrafts, cssVariablesResolver, isOwnDevice, onClearDevice, theme } from '@second-look/web-ui';
import { App } from './app';
import { createUrqlClient } from './urql-client';

// Mantine renders <style> elements; the API's Content-Security-Policy admits them by this nonce
// (see securityHeaders in libs/server/platform/src/http/security-headers.ts).
const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const getStyleNonce = () => styleNonce;

/** The offline part (saved copy of the case, service worker, offline line): loaded only on an own device. */
type Offline = typeof import('./offline');
let offlineModule: Promise<Offline> | null = null;
const loadOffline = (): Promise<Offline> =>
  (offlineModule ??= import('./offline').then((m) => {
    m.start({ createUrqlClient, offlineExchange, addAreaStrings, clearDeviceDrafts, isOwnDevice, ownDeviceKey: OWN_DEVICE_KEY });
    return m;
  }));
// Signing out empties the saved copy, whichever tab or client made it.
onClearDevice(() => loadOffline().then((m) => m.clearSavedCopy()));

/**
 * Holds the urql client; a reset (sign-out, ended session, sign-in on an own device) swaps in a
 * fresh one. On a device its person called their own, the client keeps the case on the device
 * (./offline, loaded after the first render); elsewhere the cache lives in memory only.
 */
function Root() {
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => setGeneration((g) => g + 1), []);
  // A session that ended under the page (signed out elsewhere, expired) also starts a fresh tree:
  // a hook keeps its last answer while a new client asks again, so the old page would stay and
  // ask with nobody signed in. Resets a page asks for itself (after sign-in) keep the page.
  const [tree, setTree] = useState(0);
  const ended = useCallback(() => {
    setGeneration((g) => g + 1);
    setTree((t) => t + 1);
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const own = useMemo(() => isOwnDevice(), [generation]);
  const [offline, setOffline] = useState<Offline | null>(null);
  useEffect(() => {
    if (!own || offline) return;
    void loadOffline().then((m) => {
      m.registerServiceWorker();
      setOffline(m);
    });
  }, [own, offline]);
  useEffect(() => (offline ? offline.watchOtherTabs(ended) : undefined), [offline, ended]);
  // "You are offline, changes will be sent": shown only where changes are kept and sent later.
  useEffect(() => (own && offline ? offline.mountOfflineStatus(i18n) : undefined), [own, offline]);
  // The saved copy is read into the cache before any screen asks for data: offline, an answer
  // asked for earlier would find nothing and send the person to sign in.
  const [hydrated, setHydrated] = useState<unknown>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const client = useMemo(() => (!own ? createUrqlClient(ended) : offline ? offline.createOfflineClient(ended, setHydrated) : null), [generation, ended, own, offline]);
  if (!client || (own && hydrated !== client)) return <Loading />;
  return (
    <ClientResetContext.Provider value={reset}>
      <UrqlProvider value={client}>
        <ViewerProvider key={tree}>
          <App />
        </ViewerProvider>
      </UrqlProvider>
    </ClientResetContext.Provider>
  );
}

// A Spanish reader waits for the Spanish chunk before the first paint (no English flash);
// English is bundled, so English readers start at once.
void initI18n(initialLanguage()).then((i18n) =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" getStyleNonce={getStyleNonce}>
          <BrowserRouter>
            <Root />
          </BrowserRouter>
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  ),
);
