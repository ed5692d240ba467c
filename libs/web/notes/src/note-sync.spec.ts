import * as Y from 'yjs';
import type { CaseNote } from '@second-look/contracts/graphql';
import { NoteSync, NoteTransportError, type NoteDrafts, type NoteTransport } from './note-sync';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/**
 * The server's side as far as the client can tell: one Y.Doc that merges what it is sent and
 * answers with what the sender lacks. `down` makes it unreachable, as a phone in a lift sees it.
 */
class InMemoryNoteServer {
  readonly doc = new Y.Doc();
  down = false;
  applied: number[] = [];
  refuse: { code: string; reason?: string } | null = null;
  private version = 0;
  private subscribers = new Set<(n: CaseNote) => void>();

  note(since: Uint8Array | null): CaseNote {
    return {
      caseId: 'c',
      kind: 'SHARED' as CaseNote['kind'],
      text: this.doc.getText('note').toString(),
      update: b64(since ? Y.encodeStateAsUpdate(this.doc, since) : Y.encodeStateAsUpdate(this.doc)),
      stateVector: b64(Y.encodeStateVector(this.doc)),
      version: this.version,
      updatedAt: null,
    };
  }

  transport(): NoteTransport {
    return {
      load: async (sv) => {
        if (this.down) throw new NoteTransportError(true);
        return this.note(sv ? bytes(sv) : null);
      },
      apply: async (update, sv) => {
        if (this.down) throw new NoteTransportError(true);
        if (this.refuse) throw new NoteTransportError(false, this.refuse.code, this.refuse.reason);
        const u = bytes(update);
        this.applied.push(u.length);
        Y.applyUpdate(this.doc, u);
        this.version++;
        const answer = this.note(bytes(sv));
        for (const s of this.subscribers) s(this.note(null));
        return answer;
      },
      subscribe: (_sv, onNote) => {
        this.subscribers.add(onNote);
        onNote(this.note(null));
        return () => this.subscribers.delete(onNote);
      },
    };
  }

  /** Someone else types straight into the server's copy. */
  typeElsewhere(edit: (t: Y.Text) => void) {
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(this.doc));
    const sv = Y.encodeStateVector(other);
    edit(other.getText('note'));
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(other, sv));
    this.version++;
    for (const s of this.subscribers) s(this.note(null));
  }
}

const tick = () => new Promise((r) => setImmediate(r));

describe('NoteSync', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  async function started(server: InMemoryNoteServer) {
    const sync = new NoteSync(server.transport(), { debounceMs: 300, maxWaitMs: 1000 });
    await sync.start();
    return sync;
  }

  it('loads the note and goes live', async () => {
    const server = new InMemoryNoteServer();
    server.typeElsewhere((t) => t.insert(0, 'hello'));
    const sync = await started(server);
    expect(sync.text.toString()).toBe('hello');
    expect(sync.status).toBe('saved');
    expect(sync.live).toBe(true);
    sync.close();
  });

  it('sends a burst of keystrokes as one save batch after a pause', async () => {
    const server = new InMemoryNoteServer();
    const sync = await started(server);
    for (const [i, ch] of [...'typing'].entries()) {
      sync.edit(i, 0, ch);
      jest.advanceTimersByTime(50);
    }
    expect(server.applied).toHaveLength(0);
    expect(sync.unsaved).toBe(true);
    jest.advanceTimersByTime(300);
    await tick();
    expect(server.applied).toHaveLength(1);
    expect(server.doc.getText('note').toString()).toBe('typing');
    expect(sync.status).toBe('saved');
    expect(sync.unsaved).toBe(false);
    sync.close();
  });

  it('never waits longer than maxWait while someone keeps typing', async () => {
    const server = new InMemoryNoteServer();
    const sync = await started(server);
    for (let i = 0; i < 12; i++) {
      sync.edit(i, 0, 'x');
      jest.advanceTimersByTime(100);
      await tick();
    }
    expect(server.applied.length).toBeGreaterThanOrEqual(1);
    sync.close();
  });

  it('keeps edits while offline, says so, and sends them merged with others\u2019 edits when back', async () => {
    const server = new InMemoryNoteServer();
    server.typeElsewhere((t) => t.insert(0, 'base'));
    const sync = await started(server);
    server.down = true;
    sync.edit(4, 0, ' mine');
    jest.advanceTimersByTime(300);
    await tick();
    expect(sync.status).toBe('offline');
    expect(sync.unsaved).toBe(true);
    sync.edit(9, 0, ' more');
    // Someone else edits the server's copy meanwhile.
    server.typeElsewhere((t) => t.insert(0, 'theirs '));
    server.down = false;
    sync.resume();
    await tick();
    await tick();
    expect(server.doc.getText('note').toString()).toBe('theirs base mine more');
    expect(sync.text.toString()).toBe('theirs base mine more');
    expect(sync.status).toBe('saved');
    sync.close();
  });

  /** The device's storage as NoteSync sees it (localStorage in the browser). */
  const deviceStorage = () => {
    let kept: Uint8Array | null = null;
    const drafts: NoteDrafts & { kept: () => Uint8Array | null } = {
      read: () => kept,
      write: (state) => (kept = state),
      clear: () => (kept = null),
      kept: () => kept,
    };
    return drafts;
  };

  it('keeps edits typed offline on the device across a reload, and merges them with others\u2019 when back', async () => {
    const server = new InMemoryNoteServer();
    server.typeElsewhere((t) => t.insert(0, 'base'));
    const drafts = deviceStorage();
    const before = new NoteSync(server.transport(), { debounceMs: 300, maxWaitMs: 1000, drafts });
    await before.start();
    expect(drafts.kept()).toBeNull();
    server.down = true;
    before.edit(4, 0, ' mine');
    jest.advanceTimersByTime(300);
    await tick();
    expect(before.status).toBe('offline');
    expect(drafts.kept()).not.toBeNull();
    // The page reloads (or the tab is closed) while still offline; someone else edits meanwhile.
    before.close();
    server.typeElsewhere((t) => t.insert(0, 'theirs '));

    const after = new NoteSync(server.transport(), { debounceMs: 300, maxWaitMs: 1000, drafts });
    await after.start();
    expect(after.status).toBe('offline');
    expect(after.text.toString()).toBe('base mine'); // shown from the device while offline
    expect(after.unsaved).toBe(true);

    server.down = false;
    after.resume();
    await tick();
    await tick();
    expect(server.doc.getText('note').toString()).toBe('theirs base mine');
    expect(after.text.toString()).toBe('theirs base mine');
    expect(after.status).toBe('saved');
    expect(drafts.kept()).toBeNull(); // saved: nothing left on the device
    after.close();
  });

  it('sends edits kept on the device as soon as a later page loads the note, with nobody typing', async () => {
    const server = new InMemoryNoteServer();
    server.typeElsewhere((t) => t.insert(0, 'base'));
    const drafts = deviceStorage();
    const before = new NoteSync(server.transport(), { debounceMs: 300, maxWaitMs: 1000, drafts });
    await before.start();
    server.down = true;
    before.edit(0, 0, 'kept ');
    jest.advanceTimersByTime(300);
    await tick();
    before.close();
    server.down = false;

    const after = new NoteSync(server.transport(), { debounceMs: 300, maxWaitMs: 1000, drafts });
    await after.start();
    await tick();
    expect(server.doc.getText('note').toString()).toBe('kept base');
    expect(after.status).toBe('saved');
    expect(drafts.kept()).toBeNull();
    // Kept once, sent once: a third page has nothing to restore and changes nothing.
    const third = new NoteSync(server.transport(), { debounceMs: 300, maxWaitMs: 1000, drafts });
    await third.start();
    expect(third.text.toString()).toBe('kept base');
    expect(third.unsaved).toBe(false);
    after.close();
    third.close();
  });

  it('keeps the text and says so when the server refuses it, and tries again on the next edit', async () => {
    const server = new InMemoryNoteServer();
    const sync = await started(server);
    server.refuse = { code: 'PAYLOAD_TOO_LARGE', reason: 'TEXT_TOO_LONG' };
    sync.edit(0, 0, 'too long');
    jest.advanceTimersByTime(300);
    await tick();
    expect(sync.status).toBe('refused');
    expect(sync.refusal).toBe('TEXT_TOO_LONG');
    expect(sync.text.toString()).toBe('too long');
    server.refuse = null;
    sync.edit(0, 4, '');
    jest.advanceTimersByTime(300);
    await tick();
    expect(sync.status).toBe('saved');
    expect(server.doc.getText('note').toString()).toBe('long');
    sync.close();
  });

  it('sends the whole note again when the server lacks history it was assumed to have', async () => {
    const server = new InMemoryNoteServer();
    const sync = await started(server);
    server.refuse = { code: 'VALIDATION_FAILED', reason: 'MISSING_HISTORY' };
    sync.edit(0, 0, 'abc');
    jest.advanceTimersByTime(300);
    await tick();
    server.refuse = null;
    jest.advanceTimersByTime(1000);
    await tick();
    expect(server.doc.getText('note').toString()).toBe('abc');
    expect(sync.status).toBe('saved');
    sync.close();
  });

  it('stops for good when the note is no longer available (not found)', async () => {
    const server = new InMemoryNoteServer();
    const sync = await started(server);
    server.refuse = { code: 'NOT_FOUND' };
    sync.edit(0, 0, 'x');
    jest.advanceTimersByTime(300);
    await tick();
    expect(sync.status).toBe('gone');
    sync.close();
  });
});
