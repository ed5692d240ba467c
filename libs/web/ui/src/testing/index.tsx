/**
 * Component tests (`*.spec.tsx`, run by the unit tier in happy-dom): renders a screen part the
 * way the app does — Mantine, the English words, a router, and a real urql client whose HTTP
 * answers come from the test. The client, its cache and its error handling are the product's
 * own; only the server's replies are written by the test, one per request, so a test shows
 * exactly what was sent (`requests`) and what came back. Test-only: never imported by the app.
 */
import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { i18n, initI18n } from '@second-look/web-i18n';
import { theme } from '../theme';

/** One GraphQL request as the client sent it. */
export interface SentRequest {
  operationName: string | undefined;
  query: string;
  variables: Record<string, unknown>;
}

/** What the test's server answers: `data`, or `errors` carrying codes as the API's do. */
export interface Reply {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A refusal as the API sends it: a message and its code (and details, e.g. STALE_VERSION's). */
export const refusal = (code: string, details?: Record<string, unknown>): Reply => ({
  data: null,
  errors: [{ message: code, extensions: { code, ...(details ? { details } : {}) } }],
});

/** urql sends a query that fits in a URL by GET: its parts are in the search parameters. */
function sentByGet(url: string): SentRequest {
  const params = new URL(url).searchParams;
  return { operationName: params.get('operationName') ?? undefined, query: params.get('query') ?? '', variables: JSON.parse(params.get('variables') ?? '{}') as Record<string, unknown> };
}

export interface Rendered extends RenderResult {
  /** Every request the client sent, in order. */
  requests: SentRequest[];
}

/**
 * Renders `ui` inside the app's providers. `answer` replies to each request (by operation name,
 * for instance); a request it does not expect should throw, which fails the test.
 */
export async function renderPart(ui: ReactElement, answer: (request: SentRequest) => Reply | Promise<Reply> = () => ({ data: {} })): Promise<Rendered> {
  await initI18n('en');
  const requests: SentRequest[] = [];
  const client = new Client({
    url: 'http://second-look.test/graphql',
    exchanges: [fetchExchange],
    fetch: async (url, init) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as SentRequest) : sentByGet(String(url));
      requests.push(body);
      const reply = await answer(body);
      return new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  const rendered = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <MemoryRouter>
          <Provider value={client}>{ui}</Provider>
        </MemoryRouter>
      </MantineProvider>
    </I18nextProvider>,
  );
  return Object.assign(rendered, { requests });
}
