import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startReplica, startTestStack, TestStack } from './support/test-stack';

const NOTE = `caseId kind text update stateVector version updatedAt`;
const GET = `query($caseId: ID!, $kind: CaseNoteKind!, $sv: String) { caseNote(caseId: $caseId, kind: $kind, stateVector: $sv) { ${NOTE} } }`;
const APPLY = `mutation($input: ApplyCaseNoteUpdateInput!) { applyCaseNoteUpdate(input: $input) { ${NOTE} } }`;
const MARIA = DEMO.cases.maria;
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

interface Note {
  text: string;
  update: string;
  stateVector: string;
  version: number;
  updatedAt: string | null;
}

/** A browser's side of a note: its own Y.Doc, and the sync the web client does (send my diff, take theirs). */
class NoteClient {
  readonly doc = new Y.Doc();
  private serverVector: Uint8Array | null = null;
  constructor(
    readonly api: GqlClient,
    readonly caseId: string,
    readonly kind: 'SHARED' | 'STAFF',
  ) {}
  get text() {
    return this.doc.getText('note').toString();
  }
  async load(): Promise<Note> {
    const note = (await this.api.ok<{ caseNote: Note }>(GET, { caseId: this.caseId, kind: this.kind })).caseNote;
    this.take(note);
    return note;
  }
  type(edit: (t: Y.Text) => void) {
    edit(this.doc.getText('note'));
  }
  /** Sends everything the server lacks (by its last known state vector) and merges what it answers. */
  async sync(): Promise<Note> {
    const update = this.serverVector ? Y.encodeStateAsUpdate(this.doc, this.serverVector) : Y.encodeStateAsUpdate(this.doc);
    const note = (
      await this.api.ok<{ applyCaseNoteUpdate: Note }>(APPLY, {
        input: { caseId: this.caseId, kind: this.kind, update: b64(update), stateVector: b64(Y.encodeStateVector(this.doc)) },
      })
    ).applyCaseNoteUpdate;
    this.take(note);
    return note;
  }
  private take(note: Note) {
    Y.applyUpdate(this.doc, Buffer.from(note.update, 'base64'), 'server');
    this.serverVector = Buffer.from(note.stateVector, 'base64');
  }
}

const SUBSCRIBE = `subscription($caseId: ID!, $kind: CaseNoteKind!, $sv: String) { caseNoteUpdates(caseId: $caseId, kind: $kind, stateVector: $sv) { ${NOTE} } }`;

/** A live connection as a browser opens it: same cookie as HTTP. */
function liveClient(stack: TestStack | { url: string }, api: GqlClient): Client {
  const cookie = api.cookie ?? '';
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return createClient({ url: stack.url.replace('http', 'ws') + '/graphql', webSocketImpl: CookieSocket, lazy: true, retryAttempts: 0 });
}

/** Collects what a subscription sends; `next(pred)` waits for a matching message. */
function collect(client: Client, variables: Record<string, unknown>) {
  const got: Array<{ data?: { caseNoteUpdates: Note } | null; errors?: Array<{ extensions?: { code?: string } }> }> = [];
  const waiters: Array<() => void> = [];
  let error: unknown = null;
  const stop = client.subscribe(
    { query: SUBSCRIBE, variables },
    {
      next: (v) => {
        got.push(v as never);
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => {
        error = e;
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => waiters.splice(0).forEach((w) => w()),
    },
  );
  const next = async (pred: (n: Note) => boolean, ms = 5000): Promise<Note> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = got.find((g) => g.data && pred(g.data.caseNoteUpdates));
      if (hit?.data) return hit.data.caseNoteUpdates;
      if (Date.now() > deadline) throw new Error(`no matching live message; got ${JSON.stringify(got)} ${String(error)}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
  };
  return { got, next, stop, error: () => error };
}

describe('case notes (shared and staff-only, typed in together)', () => {
  let stack: TestStack;
  let advocate: GqlClient;
  let patient: GqlClient;
  let caregiver: GqlClient;
  let otherPatient: GqlClient;
  let otherOrg: GqlClient;

  beforeAll(async () => {
    stack = await startTestStack('case-notes');
    [advocate, patient, caregiver, otherPatient, otherOrg] = await Promise.all(
      ['advocate@harbor.example', 'patient@harbor.example', 'caregiver@harbor.example', 'patient2@harbor.example', 'admin@northstar.example'].map((e) => stack.signIn(e)),
    );
  }, 60_000);
  afterAll(() => stack?.close());

  const auditCount = async (action: string): Promise<number> => Number((await stack.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND case_id = $2`, [action, MARIA]))[0].n);

  it('starts empty, and two people typing at once converge on one text that keeps both', async () => {
    const a = new NoteClient(advocate, MARIA, 'SHARED');
    const p = new NoteClient(patient, MARIA, 'SHARED');
    expect(await a.load()).toMatchObject({ text: '', version: 0, updatedAt: null });
    await p.load();

    a.type((t) => t.insert(0, 'Ask about the biopsy.'));
    await a.sync();
    await p.sync();
    expect(p.text).toBe('Ask about the biopsy.');

    // Both type at the same moment, at different places, and save at the same time.
    a.type((t) => t.insert(0, 'Sam: '));
    p.type((t) => t.insert(t.length, ' And the MRI disc.'));
    await Promise.all([a.sync(), p.sync()]);
    await Promise.all([a.sync(), p.sync()]);
    expect(a.text).toBe('Sam: Ask about the biopsy. And the MRI disc.');
    expect(p.text).toBe(a.text);

    // Many small concurrent saves from both sides, each character its own batch.
    const words = { a: ' one two', p: ' three four' };
    await Promise.all([
      (async () => {
        for (const ch of words.a) {
          a.type((t) => t.insert(t.length, ch));
          await a.sync();
        }
      })(),
      (async () => {
        for (const ch of words.p) {
          p.type((t) => t.insert(0, ch));
          await p.sync();
        }
      })(),
    ]);
    await a.sync();
    await p.sync();
    expect(a.text).toBe(p.text);
    expect(a.text).toContain('one two');
    expect(a.text.startsWith([...words.p].reverse().join(''))).toBe(true);
  });

  it('restores the stored note on reload, and a returning offline client merges everything it typed', async () => {
    const before = await new NoteClient(patient, MARIA, 'SHARED').load();
    const offline = new NoteClient(patient, MARIA, 'SHARED');
    await offline.load();
    // The phone loses its connection: the patient keeps typing, the advocate too.
    offline.type((t) => t.insert(t.length, ' Offline line 1.'));
    offline.type((t) => t.insert(t.length, ' Offline line 2.'));
    const online = new NoteClient(advocate, MARIA, 'SHARED');
    await online.load();
    online.type((t) => t.insert(0, '[urgent] '));
    await online.sync();
    // Back online: one save carries the whole backlog.
    await offline.sync();
    const reloaded = new NoteClient(advocate, MARIA, 'SHARED');
    const note = await reloaded.load();
    expect(note.text).toBe(`[urgent] ${before.text} Offline line 1. Offline line 2.`);
    expect(offline.text).toBe(note.text);
    expect(note.version).toBeGreaterThan(before.version);
    const row = await stack.ds.query(`SELECT text_length FROM case_note WHERE case_id = $1 AND kind = 'SHARED'`, [MARIA]);
    expect(row[0].text_length).toBe(note.text.length);
  });

  it('answers a client with a state vector only with what it lacks', async () => {
    const c = new NoteClient(advocate, MARIA, 'SHARED');
    const full = await c.load();
    const diff = (await advocate.ok<{ caseNote: Note }>(GET, { caseId: MARIA, kind: 'SHARED', sv: full.stateVector })).caseNote;
    const empty = new Y.Doc();
    Y.applyUpdate(empty, Buffer.from(diff.update, 'base64'));
    expect(empty.getText('note').toString()).toBe('');
    expect(diff.text).toBe(full.text);
  });

  it('audits one row per save batch and one per read, without the text', async () => {
    const updates = await auditCount('case_note.update');
    const reads = await auditCount('case_note.read');
    const c = new NoteClient(advocate, MARIA, 'SHARED');
    await c.load();
    c.type((t) => t.insert(t.length, ' abc'));
    await c.sync();
    expect(await auditCount('case_note.update')).toBe(updates + 1);
    expect(await auditCount('case_note.read')).toBe(reads + 1);
    const last = await stack.ds.query(`SELECT detail, actor_user_id FROM audit_event WHERE action = 'case_note.update' ORDER BY id DESC LIMIT 1`);
    expect(last[0].actor_user_id).toBe(DEMO.users.harborAdvocate);
    expect(last[0].detail).toMatchObject({ kind: 'SHARED' });
    expect(JSON.stringify(last[0].detail)).not.toContain('abc');
  });

  it('keeps the staff note from the patient and the caregiver: not found, like a note that does not exist', async () => {
    const staff = new NoteClient(advocate, MARIA, 'STAFF');
    await staff.load();
    staff.type((t) => t.insert(0, 'Staff only: patient is anxious about cost.'));
    await staff.sync();
    for (const who of [patient, caregiver]) {
      const read = await who.gql(GET, { caseId: MARIA, kind: 'STAFF' });
      expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(read)).not.toContain('anxious');
      const doc = new Y.Doc();
      doc.getText('note').insert(0, 'sneaky');
      const write = await who.gql(APPLY, { input: { caseId: MARIA, kind: 'STAFF', update: b64(Y.encodeStateAsUpdate(doc)) } });
      expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(write.errors?.[0]?.message).toBe(read.errors?.[0]?.message);
    }
    const note = await new NoteClient(advocate, MARIA, 'STAFF').load();
    expect(note.text).toBe('Staff only: patient is anxious about cost.');
    // And the shared note never carries it.
    expect((await new NoteClient(patient, MARIA, 'SHARED').load()).text).not.toContain('anxious');
  });

  it('lets a caregiver without edit access read the shared note but not change it', async () => {
    // The demo caregiver on Maria's case has COMMENT access.
    const c = new NoteClient(caregiver, MARIA, 'SHARED');
    const note = await c.load();
    expect(note.text.length).toBeGreaterThan(0);
    c.type((t) => t.insert(0, 'x'));
    const r = await caregiver.gql(APPLY, { input: { caseId: MARIA, kind: 'SHARED', update: b64(Y.encodeStateAsUpdate(c.doc)) } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await new NoteClient(advocate, MARIA, 'SHARED').load()).text).toBe(note.text);
  });

  it("answers not found for another tenant's case, another patient's case and a random id, alike", async () => {
    const random = '0c000000-0000-4000-8000-0000000000ff';
    const answers = await Promise.all([
      otherOrg.gql(GET, { caseId: MARIA, kind: 'SHARED' }),
      otherPatient.gql(GET, { caseId: MARIA, kind: 'SHARED' }),
      advocate.gql(GET, { caseId: random, kind: 'SHARED' }),
      advocate.gql(GET, { caseId: 'not-a-uuid', kind: 'SHARED' }),
      otherOrg.gql(APPLY, { input: { caseId: MARIA, kind: 'SHARED', update: b64(Y.encodeStateAsUpdate(new Y.Doc())) } }),
    ]);
    for (const a of answers) {
      expect(a.data).toBeNull();
      expect(a.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(new Set(answers.slice(0, 3).map((a) => a.errors?.[0]?.message)).size).toBe(1);
  });

  it('refuses garbage, foreign fields and oversized updates with a code, and changes nothing', async () => {
    const before = await new NoteClient(advocate, MARIA, 'SHARED').load();
    const auditBefore = await auditCount('case_note.update');
    const other = new Y.Doc();
    other.getMap('evil').set('x', 1);
    const gap = new Y.Doc();
    gap.getText('note').insert(0, 'first ');
    const sv = Y.encodeStateVector(gap);
    gap.getText('note').insert(6, 'second');
    const cases: Array<[string, string]> = [
      [b64(Buffer.from('hello world garbage')), 'VALIDATION_FAILED'],
      ['not base64 at all!', 'VALIDATION_FAILED'],
      ['', 'VALIDATION_FAILED'],
      [b64(Y.encodeStateAsUpdate(other)), 'VALIDATION_FAILED'],
      [b64(Y.encodeStateAsUpdate(gap, sv)), 'VALIDATION_FAILED'],
      [b64(Buffer.alloc(300 * 1024, 1)), 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [update, code] of cases) {
      const r = await advocate.gql(APPLY, { input: { caseId: MARIA, kind: 'SHARED', update } });
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe(code);
      expect(JSON.stringify(r.errors)).not.toMatch(/\bat .*\.ts:\d+/);
    }
    const long = new Y.Doc();
    Y.applyUpdate(long, Buffer.from(before.update, 'base64'));
    long.getText('note').insert(0, 'x'.repeat(100_001));
    const tooLong = await advocate.gql(APPLY, { input: { caseId: MARIA, kind: 'SHARED', update: b64(Y.encodeStateAsUpdate(long, Buffer.from(before.stateVector, 'base64'))) } });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'TEXT_TOO_LONG' } });
    const badVector = await advocate.gql(GET, { caseId: MARIA, kind: 'SHARED', sv: b64(Buffer.from('garbage!!')) });
    expect(badVector.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const after = await new NoteClient(advocate, MARIA, 'SHARED').load();
    expect(after.text).toBe(before.text);
    expect(after.version).toBe(before.version);
    expect(after.stateVector).toBe(before.stateVector);
    expect(await auditCount('case_note.update')).toBe(auditBefore);
  });

  it('delivers each save live to the other viewer as exactly what they lack, and never the staff note to a patient', async () => {
    const adv = new NoteClient(advocate, MARIA, 'SHARED');
    const pat = new NoteClient(patient, MARIA, 'SHARED');
    const loaded = await adv.load();
    await pat.load();
    const advWs = liveClient(stack, advocate);
    const patWs = liveClient(stack, patient);
    try {
      const advLive = collect(advWs, { caseId: MARIA, kind: 'SHARED', sv: loaded.stateVector });
      // The first message after subscribing is the catch-up (nothing new here); wait for it so the listener is in place.
      await advLive.next(() => true);
      pat.type((t) => t.insert(t.length, ' Live from the phone.'));
      const saved = await pat.sync();
      const live = await advLive.next((n) => n.version === saved.version);
      Y.applyUpdate(adv.doc, Buffer.from(live.update, 'base64'));
      expect(adv.text).toBe(pat.text);
      expect(live.text).toBe(pat.text);

      // The patient cannot subscribe to the staff note: not found, like the query.
      const patStaff = collect(patWs, { caseId: MARIA, kind: 'STAFF' });
      const staffWriter = new NoteClient(advocate, MARIA, 'STAFF');
      await staffWriter.load();
      staffWriter.type((t) => t.insert(0, 'Internal: second thoughts about the surgeon. '));
      await staffWriter.sync();
      await new Promise((r) => setTimeout(r, 300));
      expect(patStaff.got.some((g) => g.data)).toBe(false);
      const err = patStaff.got.find((g) => g.errors)?.errors?.[0]?.extensions?.code ?? JSON.stringify(patStaff.error());
      expect(err).toContain('NOT_FOUND');
      expect(JSON.stringify(patStaff.got)).not.toContain('surgeon');
      advLive.stop();
    } finally {
      await advWs.dispose();
      await patWs.dispose();
    }
  });

  it('puts one line in the activity feed per stretch of editing, and the staff note line never for the patient', async () => {
    const lines = async (staffOnly: boolean) =>
      Number((await stack.ds.query(`SELECT count(*)::int AS n FROM case_activity WHERE case_id = $1 AND kind = 'NOTE_CHANGED' AND staff_only = $2`, [MARIA, staffOnly]))[0].n);
    // The patient comes back after a quiet spell, then the advocate joins in: each starts a stretch, one line each.
    await stack.ds.query(`UPDATE case_note SET updated_at = now() - interval '11 minutes' WHERE case_id = $1 AND kind = 'SHARED'`, [MARIA]);
    const p = new NoteClient(patient, MARIA, 'SHARED');
    await p.load();
    const c = new NoteClient(advocate, MARIA, 'SHARED');
    await c.load();
    const before = await lines(false);
    p.type((t) => t.insert(0, 'p '));
    await p.sync();
    expect(await lines(false)).toBe(before + 1);
    for (const ch of 'abc') {
      await c.load();
      c.type((t) => t.insert(t.length, ch));
      await c.sync();
    }
    // Three save batches by the advocate in a row: still one line for the stretch.
    expect(await lines(false)).toBe(before + 2);
    // Staff-note edits earlier in this file left staff-only lines, which the patient's feed never shows.
    expect(await lines(true)).toBeGreaterThan(0);
    const q = `query($id: ID!) { case(id: $id) { activity(first: 100) { nodes { kind staffOnly } } } }`;
    const patientFeed = (await patient.ok<{ case: { activity: { nodes: Array<{ kind: string; staffOnly: boolean }> } } }>(q, { id: MARIA })).case.activity.nodes;
    expect(patientFeed.some((n) => n.kind === 'NOTE_CHANGED')).toBe(true);
    expect(patientFeed.some((n) => n.staffOnly)).toBe(false);
    const staffFeed = (await advocate.ok<{ case: { activity: { nodes: Array<{ kind: string; staffOnly: boolean }> } } }>(q, { id: MARIA })).case.activity.nodes;
    expect(staffFeed.some((n) => n.kind === 'NOTE_CHANGED' && n.staffOnly)).toBe(true);
  });

  it('delivers note edits both ways between two API processes behind one address', async () => {
    const second = await startReplica(stack);
    const urlB = second.url;
    // The same people, their requests now going to the second process (same sessions, same database and Redis).
    const advocateB = new GqlClient(urlB);
    advocateB.cookie = advocate.cookie;
    const patWs = liveClient(stack, patient); // patient listens on A
    const advWs = liveClient({ url: urlB }, advocate); // advocate listens on B
    try {
      const pat = new NoteClient(patient, MARIA, 'SHARED'); // saves through A
      const adv = new NoteClient(advocateB, MARIA, 'SHARED'); // saves through B
      const p0 = await pat.load();
      const a0 = await adv.load();
      const patLive = collect(patWs, { caseId: MARIA, kind: 'SHARED', sv: p0.stateVector });
      const advLive = collect(advWs, { caseId: MARIA, kind: 'SHARED', sv: a0.stateVector });
      await patLive.next(() => true);
      await advLive.next(() => true);

      pat.type((t) => t.insert(t.length, ' From A.'));
      const savedA = await pat.sync();
      const onB = await advLive.next((n) => n.version >= savedA.version);
      Y.applyUpdate(adv.doc, Buffer.from(onB.update, 'base64'));
      expect(adv.text).toBe(pat.text);

      adv.type((t) => t.insert(0, 'From B. '));
      const savedB = await adv.sync();
      const onA = await patLive.next((n) => n.version >= savedB.version);
      Y.applyUpdate(pat.doc, Buffer.from(onA.update, 'base64'));
      expect(pat.text).toBe(adv.text);
      expect(pat.text.startsWith('From B. ')).toBe(true);
      expect(pat.text.endsWith(' From A.')).toBe(true);
      patLive.stop();
      advLive.stop();
    } finally {
      await patWs.dispose();
      await advWs.dispose();
      await second.close();
    }
  });
});
