// Import `test` and `expect` from here in journeys:
//   import { test, expect } from './support/fixtures';
// `mail` reads what the worker sent through the mail sink that global-setup started in the
// runner process (over its loopback JSON endpoint, so it works from any Playwright worker).
import { test as base, expect } from '@playwright/test';
import type { SinkMessage } from '../../tools/mail-sink/mail-sink.cjs';

export type { SinkMessage };

export interface MailOptions {
  /** how long to wait for the e-mail (default 15 s: the worker sends through a queue) */
  timeoutMs?: number;
  /** only a message whose subject contains this */
  subject?: string;
  /** also accept messages that arrived before this test started */
  includeEarlier?: boolean;
}

export interface Mail {
  /** The first e-mail to `email` (received during this test unless `includeEarlier`). */
  waitForMessageTo(email: string, options?: MailOptions): Promise<SinkMessage>;
  /**
   * The first link in the first e-mail to `email` that points into the app (PUBLIC_URL),
   * or that matches `matching` when given.
   */
  waitForLinkTo(email: string, options?: MailOptions & { matching?: RegExp | string }): Promise<string>;
  /** Every message received so far, oldest first. */
  all(): Promise<SinkMessage[]>;
  /**
   * Has the sink refuse mail to `email` at RCPT TO, as a real server refuses an unknown mailbox
   * (550 unless `code` says otherwise: a 5xx is permanent for the worker). Until `accept`.
   */
  refuse(email: string, code?: number): Promise<void>;
  /** Accepts mail to `email` again. */
  accept(email: string): Promise<void>;
}

function mailUrl(): string {
  const url = process.env.E2E_MAIL_URL;
  if (!url) throw new Error('E2E_MAIL_URL is not set: run the e2e tier through e2e/playwright.config.ts (its global setup starts the mail sink).');
  return url;
}

async function allMessages(): Promise<SinkMessage[]> {
  const response = await fetch(`${mailUrl()}/messages`);
  return (await response.json()) as SinkMessage[];
}

export const test = base.extend<{ mail: Mail; seedOutput: string }>({
  // playwright.config.ts sets baseURL from the same variable; this covers configs that don't.
  baseURL: async ({ baseURL }, use) => {
    await use(baseURL ?? process.env.E2E_BASE_URL);
  },

  seedOutput: async ({}, use) => {
    await use(process.env.E2E_SEED_OUTPUT ?? '');
  },

  mail: async ({ baseURL }, use) => {
    const before = await allMessages();
    const lastIdAtStart = before.length ? before[before.length - 1].id : 0;

    const waitForMessageTo: Mail['waitForMessageTo'] = async (email, options = {}) => {
      const params = new URLSearchParams({
        to: email.toLowerCase(),
        timeout: String(options.timeoutMs ?? 15_000),
        after: String(options.includeEarlier ? 0 : lastIdAtStart),
      });
      if (options.subject) params.set('subject', options.subject);
      const response = await fetch(`${mailUrl()}/messages/wait?${params}`);
      const body = (await response.json()) as SinkMessage & { error?: string };
      if (!response.ok) throw new Error(`No e-mail to ${email}${options.subject ? ` about "${options.subject}"` : ''}: ${body.error}`);
      return body;
    };

    const waitForLinkTo: Mail['waitForLinkTo'] = async (email, options = {}) => {
      const message = await waitForMessageTo(email, options);
      const { matching } = options;
      const wanted = (link: string) => (matching === undefined ? !!baseURL && link.startsWith(baseURL) : typeof matching === 'string' ? link.includes(matching) : matching.test(link));
      const link = message.links.find(wanted);
      if (!link) {
        throw new Error(
          `The e-mail to ${email} ("${message.subject}") has no link ${matching ? `matching ${matching}` : `into ${baseURL}`}. ` + `Its links:\n  ${message.links.join('\n  ') || '(none)'}`,
        );
      }
      return link;
    };

    const refusal = async (method: 'POST' | 'DELETE', email: string, code?: number) => {
      const params = new URLSearchParams({ to: email.toLowerCase(), ...(code ? { code: String(code) } : {}) });
      const response = await fetch(`${mailUrl()}/refused?${params}`, { method });
      if (!response.ok) throw new Error(`The mail sink did not take the refusal of ${email}: ${await response.text()}`);
    };
    const refused = new Set<string>();
    const refuse: Mail['refuse'] = async (email, code) => {
      await refusal('POST', email, code);
      refused.add(email);
    };
    const accept: Mail['accept'] = async (email) => {
      await refusal('DELETE', email);
      refused.delete(email);
    };

    await use({ waitForMessageTo, waitForLinkTo, all: allMessages, refuse, accept });
    // A test that stopped half-way leaves no address refused for the next ones.
    for (const email of refused) await refusal('DELETE', email).catch(() => undefined);
  },
});

export { expect };
