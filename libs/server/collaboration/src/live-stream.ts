import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * An AsyncIterator fed by callbacks (a Redis message, a timer), which is what a GraphQL
 * subscription resolver returns. Written by hand rather than as an async generator because a
 * generator cannot be stopped while it awaits: graphql-ws calls `return()` when the socket
 * closes, and that must release the Redis listener at once, not at the next message.
 *
 * Values may be produced asynchronously (`enqueue`): each receiver checks an event against
 * its own scope before it is sent, in order, one at a time. A producer runs in the async context
 * the stream was made in (the subscriber's operation, with its tenant scope), not in that of
 * whatever fed it (a Redis message arrives in the connection's own context).
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private readonly waiting: Array<(r: IteratorResult<T>) => void> = [];
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly inSubscriberContext = AsyncLocalStorage.snapshot();

  constructor(
    private readonly opts: {
      /** Released exactly once, when the stream ends for any reason. */
      onClose?: () => void | Promise<void>;
      /** A receiver this far behind is too slow to keep: the stream ends and the client re-syncs. */
      maxQueued?: number;
      /** Called when a producer fails (the stream ends; the error is not sent to the client). */
      onError?: (e: unknown) => void;
    } = {},
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  push(value: T): void {
    if (this.closed) return;
    const waiter = this.waiting.shift();
    if (waiter) return waiter({ value, done: false });
    this.queue.push(value);
    if (this.queue.length > (this.opts.maxQueued ?? 200)) void this.return();
  }

  /** Runs producers in arrival order; a null result sends nothing. */
  enqueue(produce: () => Promise<T | null | undefined>): void {
    if (this.closed) return;
    this.chain = this.chain.then(async () => {
      if (this.closed) return;
      try {
        const v = await this.inSubscriberContext(produce);
        if (v !== null && v !== undefined) this.push(v);
      } catch (e) {
        this.opts.onError?.(e);
        await this.return();
      }
    });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift() as T, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.queue.length = 0;
      for (const w of this.waiting.splice(0)) w({ value: undefined, done: true });
      await this.opts.onClose?.();
    }
    return { value: undefined, done: true };
  }

  async throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
