import { MantineProvider } from '@mantine/core';
import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { initI18n, initialLanguage } from '@second-look/web-i18n';
import { ViewerProvider } from '@second-look/web-auth';
import { ClientResetContext, cssVariablesResolver, theme } from '@second-look/web-ui';
import { App } from './app';
import { createUrqlClient } from './urql-client';

// Mantine renders <style> elements; the API's Content-Security-Policy admits them by this nonce
// (see securityHeaders in libs/server/platform/src/http/security-headers.ts).
const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const getStyleNonce = () => styleNonce;

/** Holds the urql client; a reset (sign-out, ended session) swaps in a fresh, empty one. */
function Root() {
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => setGeneration((g) => g + 1), []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const client = useMemo(() => createUrqlClient(reset), [generation, reset]);
  return (
    <ClientResetContext.Provider value={reset}>
      <UrqlProvider value={client}>
        <ViewerProvider>
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
