import * as Y from 'yjs';
import type { CaseNote } from '@second-look/contracts/graphql';

/** Edits typed here carry this origin; everything else came from the server. */
export const LOCAL = 'local';
const REMOTE = 'remote';

export type NoteStatus = 'loading' | 'saved' | 'saving' | 'offline' | 'refused' | 'gone';

/** Why a save failed, as the transport reports it. */
export class NoteTransportError extends Error {
  constructor(
    /** No answer at all (no connection): keep the edits and try again later. */
    readonly network: boolean,
    readonly code?: string,
    readonly reason?: string,
  ) {
    super(code ?? 'network');
  }
}

export interface NoteTransport {
  /** The note, or with `stateVector` only what is newer than it. */
  load(stateVector?: string): Promise<CaseNote>;
  /** Merges `update` on the server; answers with what this client lacks given `stateVector`. */
  apply(update: string, stateVector: string): Promise<CaseNote>;
  /** Live messages for this note; returns a stop function. `onNote` also fires once on start. */
  subscribe(stateVector: string, onNote: (note: CaseNote) => void, onEnd: (error?: NoteTransportError) => void): () => void;
}

/** Where edits not yet on the server are kept so they outlive a reload (the device's storage). */
export interface NoteDrafts {
  read(): Uint8Array | null;
  write(state: Uint8Array): void;
  clear(): void;
}

export interface NoteSyncOptions {
  /** Quiet time after the last keystroke before a save batch leaves. */
  debounceMs?: number;
  /** The longest anyone types without a save going out. */
  maxWaitMs?: number;
  /** With no live channel, how often to ask for others' edits (0: never). */
  pollMs?: number;
  /** Keeps unsaved edits across a reload (offline); without it they live in memory only. */
  drafts?: NoteDrafts;
}

export const toB64 = (u: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
};
export const fromB64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/**
 * One open note in the browser: a local Y.Doc that the text box edits, kept in step with
 * the server. Local edits are batched (debounce), sent as the diff from the last state the
 * server confirmed, and kept in the doc until a save succeeds, so typing offline (a phone in
 * a lift) loses nothing: on reconnect the whole backlog goes out as one merged update, and
 * whatever others typed meanwhile comes back in the answer and merges in. With `drafts`, the
 * unsaved doc is also kept on the device, so a reload or a closed tab while offline loses
 * nothing either: the next start merges it back in and sends it.
 */
export class NoteSync {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('note');
  status: NoteStatus = 'loading';
  refusal: string | undefined;
  live = false;
  private serverVector: Uint8Array | null = null;
  private dirty = false;
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirtyAt = 0;
  private retryMs = 1000;
  private poller: ReturnType<typeof setInterval> | null = null;
  private stopLive: (() => void) | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();
  private readonly opts: Required<Omit<NoteSyncOptions, 'drafts'>>;
  private readonly drafts: NoteDrafts | null;

  constructor(
    private readonly transport: NoteTransport,
    opts: NoteSyncOptions = {},
  ) {
    const { drafts, ...timing } = opts;
    this.opts = { debounceMs: 350, maxWaitMs: 1500, pollMs: 0, ...timing };
    this.drafts = drafts ?? null;
    this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      if (!this.dirty) this.firstDirtyAt = Date.now();
      this.dirty = true;
      // The whole doc, not only the backlog: after a reload it must merge into a fresh doc on its own.
      this.drafts?.write(Y.encodeStateAsUpdate(this.doc));
      this.schedule();
    });
  }

  /** Something changed that the screen shows (status, live). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** True while edits typed here have not reached the server. */
  get unsaved(): boolean {
    return this.dirty || this.inFlight;
  }

  async start(): Promise<void> {
    this.restore();
    try {
      this.take(await this.transport.load());
      // Edits restored from the device (or typed while loading) go out now.
      if (this.dirty) void this.flush();
      else this.setStatus('saved');
    } catch (e) {
      if (e instanceof NoteTransportError && !e.network) return this.setStatus('gone');
      this.setStatus('offline');
      this.retryLater(() => void this.start());
      return;
    }
    this.goLive();
  }

  /** Edits kept on the device by an earlier page (reloaded or closed while offline) come back as this page's own, to be sent. */
  private restore(): void {
    const kept = this.drafts?.read();
    if (!kept || this.closed) return;
    try {
      Y.applyUpdate(this.doc, kept, LOCAL);
    } catch {
      this.drafts?.clear(); // unreadable: nothing to merge
    }
  }

  /** Type into the note (the text box calls this on input). */
  edit(index: number, remove: number, insert: string): void {
    this.doc.transact(() => {
      if (remove) this.text.delete(index, remove);
      if (insert) this.text.insert(index, insert);
    }, LOCAL);
  }

  /** Back online (or the tab came back): send what is pending now and catch up. */
  resume(): void {
    if (this.closed) return;
    this.retryMs = 1000;
    if (this.status === 'offline' || this.dirty) void this.flush();
    if (!this.live) this.goLive();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    this.stopLive?.();
    this.listeners.clear();
    this.doc.destroy();
  }

  /** Sends pending edits at once (also the poll: an empty diff that brings back others' edits). */
  async flush(force = false): Promise<void> {
    if (this.closed || this.inFlight || (!this.dirty && !force)) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.inFlight = true;
    const hadEdits = this.dirty;
    this.dirty = false;
    if (hadEdits) this.setStatus('saving');
    const update = this.serverVector ? Y.encodeStateAsUpdate(this.doc, this.serverVector) : Y.encodeStateAsUpdate(this.doc);
    try {
      const note = await this.transport.apply(toB64(update), toB64(Y.encodeStateVector(this.doc)));
      this.take(note);
      // Everything typed here is on the server now (unless more was typed while this save was out).
      if (!this.dirty) this.drafts?.clear();
      this.retryMs = 1000;
      this.refusal = undefined;
      this.setStatus(this.dirty ? 'saving' : 'saved');
    } catch (e) {
      this.dirty = this.dirty || hadEdits;
      const err = e instanceof NoteTransportError ? e : new NoteTransportError(true);
      if (err.network) {
        this.setStatus('offline');
        this.retryLater(() => void this.flush(true));
      } else if (err.reason === 'MISSING_HISTORY') {
        // The server lacks something we assumed it had: send the whole note next time.
        this.serverVector = null;
        this.retryLater(() => void this.flush(true));
      } else if (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN' || err.code === 'UNAUTHENTICATED') {
        this.dirty = false;
        this.drafts?.clear();
        this.setStatus('gone');
      } else {
        // Refused (e.g. too long): kept here; the next edit tries again.
        this.refusal = err.reason ?? err.code;
        this.setStatus('refused');
      }
    } finally {
      this.inFlight = false;
      if (this.dirty && this.status !== 'offline' && this.status !== 'refused') this.schedule();
    }
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - this.firstDirtyAt;
    const delay = Math.max(0, Math.min(this.opts.debounceMs, this.opts.maxWaitMs - waited));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private retryLater(fn: () => void): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      fn();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 15_000);
  }

  private goLive(): void {
    if (this.closed || this.stopLive) return;
    const sv = toB64(this.serverVector ?? Y.encodeStateVector(this.doc));
    this.stopLive = this.transport.subscribe(
      sv,
      (note) => {
        this.take(note);
        if (!this.live) {
          this.live = true;
          if (this.poller) clearInterval(this.poller);
          this.poller = null;
          this.emit();
        }
      },
      (error) => {
        this.stopLive = null;
        this.live = false;
        if (error && !error.network) return this.setStatus('gone');
        this.emit();
        this.startPolling();
      },
    );
    // No word from the live channel at all (it always answers at once): fall back to asking.
    setTimeout(() => {
      if (!this.live) this.startPolling();
    }, 5000);
  }

  private startPolling(): void {
    if (this.closed || !this.opts.pollMs || this.poller) return;
    this.poller = setInterval(() => void this.poll(), this.opts.pollMs);
  }

  private async poll(): Promise<void> {
    if (this.closed || this.live) return;
    if (this.dirty || this.inFlight) return this.flush();
    try {
      this.take(await this.transport.load(toB64(this.serverVector ?? Y.encodeStateVector(this.doc))));
      if (this.status === 'offline') this.setStatus('saved');
    } catch (e) {
      if (e instanceof NoteTransportError && e.network) this.setStatus('offline');
    }
  }

  private take(note: CaseNote): void {
    if (this.closed) return;
    Y.applyUpdate(this.doc, fromB64(note.update), REMOTE);
    this.serverVector = fromB64(note.stateVector);
  }

  private setStatus(s: NoteStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
