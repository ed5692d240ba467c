import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveMessage<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * A real graphql-ws client in Node, sending the session cookie on the upgrade the way a
 * browser does. Collects every message per subscription so a test can wait for one.
 */
export class LiveClient {
  readonly client: Client;
  socket: WebSocket | null = null;
  closed: { code: number; reason: string } | null = null;

  constructor(baseUrl: string, cookie: string | null, opts: { retry?: boolean } = {}) {
    const remember = (s: WebSocket) => (this.socket = s);
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: cookie ? { cookie } : {} });
        remember(this);
      }
    }
    this.client = createClient({
      url: baseUrl.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: CookieSocket,
      retryAttempts: opts.retry ? 5 : 0,
      lazy: true,
      on: { closed: (e) => (this.closed = { code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }) },
    });
  }

  subscribe<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
    return new LiveSubscription<T>(this.client, query, variables);
  }

  /** Drops the TCP connection without a goodbye, like a phone losing signal. */
  terminate(): void {
    this.socket?.terminate();
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

export class LiveSubscription<T> {
  readonly messages: Array<LiveMessage<T>> = [];
  error: unknown = null;
  completed = false;
  private readonly waiters: Array<() => void> = [];
  readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (m) => {
          this.messages.push(m as LiveMessage<T>);
          this.wake();
        },
        error: (e) => {
          this.error = e;
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the first message (from `from` on) that matches; fails after `ms`. */
  async waitFor(match: (m: LiveMessage<T>) => boolean, ms = 5000, from = 0): Promise<LiveMessage<T>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.messages.slice(from).find(match);
      if (hit) return hit;
      if (this.error || this.completed) throw new Error(`subscription ended: ${JSON.stringify(this.error ?? 'complete')} after ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits until the subscription ends (error or complete). */
  async ended(ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.error && !this.completed) {
      if (Date.now() > deadline) throw new Error(`still open; got ${JSON.stringify(this.messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
