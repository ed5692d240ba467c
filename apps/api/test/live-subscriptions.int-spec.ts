import { CaseAccessService } from '@second-look/server-cases';
import { RedisPubSub } from '@second-look/server-collaboration';
import { TenantContext, type TenantScope } from '@second-look/server-platform';
import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { LiveClient, LiveMessage, LiveSubscription } from './support/live-client';
import { ApiReplica, GqlClient, signInAt, startReplica, startTestStack, TestStack } from './support/test-stack';

/**
 * Two real API processes (two Nest apps on their own ports, their own Redis connections) on
 * one database and one Redis prefix, as two replicas behind a load balancer would be.
 */
const MARIA = DEMO.cases.maria;
const EVENTS = `subscription($id: ID!) { caseEvents(caseId: $id) {
  id kind entityId removed staffOnly actor { id displayName }
  case { id version summary stage }
  comment { id body internal author { id displayName } }
  packetItem { id title state version }
} }`;
const PRESENCE = `subscription($id: ID!, $v: String!) { casePresence(caseId: $id, viewId: $v) { key role editing you user { id displayName } } }`;

type Ev = {
  caseEvents: {
    id: string;
    kind: string;
    entityId: string | null;
    staffOnly: boolean;
    actor: { id: string } | null;
    case: { summary: string; version: number };
    comment: { body: string; internal: boolean } | null;
    packetItem: { title: string } | null;
  };
};
type Pres = { casePresence: Array<{ key: string; role: string; editing: string | null; you: boolean; user: { id: string; displayName: string } }> };

const kind = (k: string) => (m: LiveMessage<Ev>) => m.data?.caseEvents.kind === k;

describe('live subscriptions across two API processes', () => {
  let stack: TestStack;
  let second: ApiReplica;
  let urlA: string;
  let urlB: string;
  const open: LiveClient[] = [];

  const live = (url: string, http: GqlClient | null): LiveClient => {
    const c = new LiveClient(url, http?.cookie ?? null);
    open.push(c);
    return c;
  };
  const subscribed = async (s: LiveSubscription<Ev>) => s.waitFor(kind('SUBSCRIBED'));

  beforeAll(async () => {
    stack = await startTestStack('live');
    second = await startReplica(stack);
    urlA = stack.url;
    urlB = second.url;
  });
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await second?.close();
    await stack?.close();
  });

  it('refuses a socket without a session, and one with a made-up cookie', async () => {
    for (const cookie of [null, 'sl_session=not-a-real-token']) {
      const c = new LiveClient(urlA, cookie);
      open.push(c);
      const s = c.subscribe<Ev>(EVENTS, { id: MARIA });
      await s.ended();
      expect(s.messages).toEqual([]);
      expect(c.closed?.code).toBe(4401);
    }
  });

  it('delivers the advocate’s edit (process A) to the patient (process B) and the patient’s comment back', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const advocateLive = live(urlA, advocate).subscribe<Ev>(EVENTS, { id: MARIA });
    const patientLive = live(urlB, patient).subscribe<Ev>(EVENTS, { id: MARIA });
    await Promise.all([subscribed(advocateLive), subscribed(patientLive)]);

    const { case: c } = await advocate.ok<{ case: { version: number } }>(`query($id: ID!) { case(id: $id) { version } }`, { id: MARIA });
    const summary = `Edited live ${randomUUID()}`;
    await advocate.ok(`mutation($id: ID!, $v: Int!, $s: String!) { updateCase(input: { id: $id, expectedVersion: $v, summary: $s }) { id } }`, { id: MARIA, v: c.version, s: summary });
    const seen = await patientLive.waitFor(kind('CASE_UPDATED'));
    expect(seen.data?.caseEvents.case.summary).toBe(summary);
    expect(seen.data?.caseEvents.case.version).toBe(c.version + 1);
    expect(seen.data?.caseEvents.actor?.id).toBe(DEMO.users.harborAdvocate);

    const added = await patient.ok<{ addComment: { id: string } }>(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "Got the CD from imaging", internal: false }) { id } }`, { id: MARIA });
    const heard = await advocateLive.waitFor(kind('COMMENT_ADDED'));
    expect(heard.data?.caseEvents).toMatchObject({ entityId: added.addComment.id, comment: { body: 'Got the CD from imaging', internal: false } });

    // A packet item the patient adds appears for the advocate with its own fields.
    await patient.ok(`mutation($id: ID!) { addPacketItem(input: { caseId: $id, kind: OTHER, title: "Medication list" }) { id } }`, { id: MARIA });
    const item = await advocateLive.waitFor(kind('PACKET_ITEM_ADDED'));
    expect(item.data?.caseEvents.packetItem?.title).toBe('Medication list');

    // Every delivered event was audited as a read by its receiver.
    const rows = await stack.ds.query(`SELECT action, entity_id FROM audit_event WHERE actor_user_id = $1 AND action LIKE 'case.live.%'`, [DEMO.users.harborPatient]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['case.live.subscribe', 'case.live.event']));
  });

  it('reads for a live subscriber in her own row-level scope: her organization, only the cases she joined', async () => {
    const access = stack.app.get(CaseAccessService);
    const seen: Array<{ userId: string; scope: TenantScope }> = [];
    const load = access.load.bind(access);
    const spy = jest.spyOn(access, 'load').mockImplementation((actor, id, ...rest) => {
      seen.push({ userId: actor.userId, scope: { ...TenantContext.current() } });
      return load(actor, id, ...rest);
    });
    try {
      const advocate = await signInAt(urlA, 'advocate@harbor.example');
      const patient = await signInAt(urlA, 'patient@harbor.example');
      const patientLive = live(urlA, patient).subscribe<Ev>(EVENTS, { id: MARIA });
      await subscribed(patientLive);
      const { case: c } = await advocate.ok<{ case: { version: number } }>(`query($id: ID!) { case(id: $id) { version } }`, { id: MARIA });
      await advocate.ok(`mutation($id: ID!, $v: Int!) { updateCase(input: { id: $id, expectedVersion: $v, summary: "Scoped live read" }) { id } }`, { id: MARIA, v: c.version });
      await patientLive.waitFor(kind('CASE_UPDATED'));
    } finally {
      spy.mockRestore();
    }
    // The subscription's own check, the SUBSCRIBED event and the update: each read as Maria.
    const hers = seen.filter((r) => r.userId === DEMO.users.harborPatient);
    expect(hers.length).toBeGreaterThanOrEqual(3);
    for (const r of hers) expect(r.scope).toEqual({ organizationId: DEMO.orgs.harbor, actorId: DEMO.users.harborPatient, system: false, caseMember: true });
  });

  it('never sends an internal comment to the patient’s socket, and sends it to staff', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const caregiver = await signInAt(urlA, 'caregiver@harbor.example');
    const staffLive = live(urlB, advocate).subscribe<Ev>(EVENTS, { id: MARIA });
    const patientLive = live(urlB, patient).subscribe<Ev>(EVENTS, { id: MARIA });
    const caregiverLive = live(urlA, caregiver).subscribe<Ev>(EVENTS, { id: MARIA });
    await Promise.all([subscribed(staffLive), subscribed(patientLive), subscribed(caregiverLive)]);

    await advocate.ok(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "Staff only: chase the pathology lab", internal: true }) { id } }`, { id: MARIA });
    await advocate.ok(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "Shared: we asked for the slides", internal: false }) { id } }`, { id: MARIA });

    const internal = await staffLive.waitFor((m) => !!m.data?.caseEvents.comment?.internal);
    expect(internal.data?.caseEvents.staffOnly).toBe(true);
    for (const s of [patientLive, caregiverLive]) {
      // Events arrive in order, so once the shared one is here the internal one was skipped.
      await s.waitFor((m) => m.data?.caseEvents.comment?.body === 'Shared: we asked for the slides');
      expect(JSON.stringify(s.messages)).not.toMatch(/Staff only|"internal":true|"staffOnly":true/);
    }
  });

  it('answers another tenant’s case and a random id with the same "not found"', async () => {
    const other = await signInAt(urlA, 'admin@northstar.example');
    const otherPatient = await signInAt(urlB, 'patient2@harbor.example');
    const errors: unknown[] = [];
    for (const [who, id] of [
      [other, MARIA],
      [other, randomUUID()],
      [otherPatient, MARIA],
    ] as const) {
      const s = live(urlA, who).subscribe<Ev>(EVENTS, { id });
      await s.ended();
      // A refused subscription is one result with errors, then complete (graphql-ws's shape for a failed source stream).
      const err = (s.messages[0]?.errors ?? s.error) as Array<{ message: string; extensions?: { code?: string } }>;
      expect(s.messages.every((m) => !m.data)).toBe(true);
      expect(err[0].extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(err)).not.toMatch(/stack|\.ts:\d+/);
      errors.push(err);
    }
    expect(errors[0]).toEqual(errors[1]);
    expect(errors[2]).toEqual(errors[1]);
  });

  it('shows who is on the case, what they edit, and clears a dropped socket', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const staffPresence = live(urlA, advocate).subscribe<Pres>(PRESENCE, { id: MARIA, v: `adv-${randomUUID()}` });
    await staffPresence.waitFor((m) => !!m.data?.casePresence.some((p) => p.you));

    const patientSocket = live(urlB, patient);
    const viewId = `pat-${randomUUID()}`;
    const patientPresence = patientSocket.subscribe<Pres>(PRESENCE, { id: MARIA, v: viewId });
    const seen = await staffPresence.waitFor((m) => !!m.data?.casePresence.some((p) => p.user.id === DEMO.users.harborPatient));
    expect(seen.data?.casePresence.find((p) => p.user.id === DEMO.users.harborPatient)).toMatchObject({ role: 'PATIENT', user: { displayName: 'Maria Lopez' }, you: false });
    // The patient sees the advocate too (they share the case).
    await patientPresence.waitFor((m) => !!m.data?.casePresence.some((p) => p.user.id === DEMO.users.harborAdvocate));

    // "Maria is editing the summary": only on her own page entry.
    const set = await patient.ok<{ setCasePresence: boolean }>(`mutation($id: ID!, $v: String!) { setCasePresence(caseId: $id, viewId: $v, editing: SUMMARY) }`, { id: MARIA, v: viewId });
    expect(set.setCasePresence).toBe(true);
    await staffPresence.waitFor((m) => !!m.data?.casePresence.some((p) => p.user.id === DEMO.users.harborPatient && p.editing === 'SUMMARY'));
    const foreign = await advocate.ok<{ setCasePresence: boolean }>(`mutation($id: ID!, $v: String!) { setCasePresence(caseId: $id, viewId: $v, editing: PACKET) }`, { id: MARIA, v: viewId });
    expect(foreign.setCasePresence).toBe(false);

    const mark = staffPresence.messages.length;
    patientSocket.terminate();
    await staffPresence.waitFor((m) => !!m.data && !m.data.casePresence.some((p) => p.user.id === DEMO.users.harborPatient), 5000, mark);
  });

  it('sends nothing for a refused save, and staff-notes-only changes to staff only', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const staffLive = live(urlA, advocate).subscribe<Ev>(EVENTS, { id: MARIA });
    const patientLive = live(urlB, patient).subscribe<Ev>(EVENTS, { id: MARIA });
    await Promise.all([subscribed(staffLive), subscribed(patientLive)]);
    const mark = patientLive.messages.length;

    // A stale save rolls back: nobody is told about a change that did not happen.
    const { case: now } = await advocate.ok<{ case: { version: number } }>(`query($id: ID!) { case(id: $id) { version } }`, { id: MARIA });
    const stale = await advocate.gql(`mutation($id: ID!, $v: Int!) { updateCase(input: { id: $id, expectedVersion: $v, summary: "never saved" }) { id } }`, { id: MARIA, v: now.version - 1 });
    expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');

    const item = await advocate.ok<{ addPacketItem: { id: string; version: number } }>(`mutation($id: ID!) { addPacketItem(input: { caseId: $id, kind: LABS, title: "CBC panel" }) { id version } }`, {
      id: MARIA,
    });
    await advocate.ok(`mutation($i: ID!, $v: Int!) { updatePacketItem(input: { id: $i, expectedVersion: $v, staffNotes: "Lab clerk is slow, call Tuesdays" }) { id } }`, {
      i: item.addPacketItem.id,
      v: item.addPacketItem.version,
    });
    await advocate.ok(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "Marker after the staff note", internal: false }) { id } }`, { id: MARIA });

    const staffSaw = await staffLive.waitFor((m) => m.data?.caseEvents.kind === 'PACKET_ITEM_UPDATED');
    expect(staffSaw.data?.caseEvents.staffOnly).toBe(true);
    await patientLive.waitFor((m) => m.data?.caseEvents.comment?.body === 'Marker after the staff note', 5000, mark);
    const patientKinds = patientLive.messages.slice(mark).map((m) => m.data?.caseEvents.kind);
    expect(patientKinds).toEqual(['PACKET_ITEM_ADDED', 'COMMENT_ADDED']);
    expect(JSON.stringify(patientLive.messages)).not.toMatch(/never saved|Lab clerk/);
  });

  it('keeps an activity feed: staff see internal lines, patients never; filter by kind and person', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const FEED = `query($id: ID!, $g: [ActivityGroup!], $who: ID) { case(id: $id) { activity(filter: { groups: $g, actorId: $who }, first: 100) { nodes { kind staffOnly fields actor { id } } pageInfo { hasNextPage endCursor } } } }`;
    type Feed = { case: { activity: { nodes: Array<{ kind: string; staffOnly: boolean; fields: string[]; actor: { id: string } | null }> } } };
    const staffFeed = (await advocate.ok<Feed>(FEED, { id: MARIA })).case.activity.nodes;
    const patientFeed = (await patient.ok<Feed>(FEED, { id: MARIA })).case.activity.nodes;
    expect(staffFeed.some((l) => l.staffOnly && l.kind === 'COMMENT_ADDED')).toBe(true);
    expect(patientFeed.length).toBeGreaterThan(0);
    expect(patientFeed.some((l) => l.staffOnly)).toBe(false);
    expect(staffFeed.find((l) => l.kind === 'CASE_UPDATED')?.fields).toEqual(['summary']);

    const comments = (await patient.ok<Feed>(FEED, { id: MARIA, g: ['COMMENTS'] })).case.activity.nodes;
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((l) => l.kind === 'COMMENT_ADDED')).toBe(true);
    const byMaria = (await advocate.ok<Feed>(FEED, { id: MARIA, who: DEMO.users.harborPatient })).case.activity.nodes;
    expect(byMaria.length).toBeGreaterThan(0);
    expect(byMaria.every((l) => l.actor?.id === DEMO.users.harborPatient)).toBe(true);

    // Another tenant cannot reach the feed at all.
    const other = await signInAt(urlA, 'admin@northstar.example');
    const r = await other.gql(FEED, { id: MARIA });
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const audited = await stack.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'case.activity.read' AND actor_user_id = $1`, [DEMO.users.harborPatient]);
    expect(audited[0].n).toBeGreaterThan(0);
  });

  it('notifies people mentioned in a comment, and never a patient from an internal note', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const mentions = async (userId: string): Promise<number> =>
      (await stack.ds.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'comment.MENTION' AND case_id = $2`, [userId, MARIA]))[0].n;
    const before = {
      sam: await mentions(DEMO.users.harborAdvocate),
      maria: await mentions(DEMO.users.harborPatient),
      jordan: await mentions(DEMO.users.harborAdvocate2),
      david: await mentions(DEMO.users.harborPatient2),
    };

    await patient.ok(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "@Sam Rivera can you check the fax? And @David Chen too", internal: false }) { id } }`, { id: MARIA });
    await advocate.ok(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "@Maria Lopez is anxious, @Jordan please cover Friday", internal: true }) { id } }`, { id: MARIA });
    await advocate.ok(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "Thanks @Maria, the fax went through.", internal: false }) { id } }`, { id: MARIA });

    expect(await mentions(DEMO.users.harborAdvocate)).toBe(before.sam + 1);
    // Only the shared comment reached Maria; the internal note did not notify her.
    expect(await mentions(DEMO.users.harborPatient)).toBe(before.maria + 1);
    expect(await mentions(DEMO.users.harborAdvocate2)).toBe(before.jordan + 1);
    // David is a patient of another case: he cannot see this one, so he cannot be mentioned in it.
    expect(await mentions(DEMO.users.harborPatient2)).toBe(before.david);

    const bell = await advocate.ok<{ notifications: { nodes: Array<{ kind: string; caseId: string | null }> } }>(`{ notifications(first: 20) { nodes { kind caseId } } }`);
    expect(bell.notifications.nodes).toEqual(expect.arrayContaining([{ kind: 'comment.MENTION', caseId: MARIA }]));
  });

  it('limits one person to eight live connections across both processes', async () => {
    const coordinator = await signInAt(urlA, 'coordinator@harbor.example');
    const subs: LiveSubscription<Ev>[] = [];
    const sockets: LiveClient[] = [];
    for (let i = 0; i < 8; i++) {
      const c = live(i % 2 ? urlB : urlA, coordinator);
      sockets.push(c);
      subs.push(c.subscribe<Ev>(EVENTS, { id: MARIA }));
      await subscribed(subs[i]);
    }
    const ninth = live(urlB, coordinator);
    const s = ninth.subscribe<Ev>(EVENTS, { id: MARIA });
    await s.ended();
    expect(ninth.closed?.code).toBe(4420);
    expect(s.messages).toEqual([]);
    // A seat is given back when a socket closes.
    await sockets[0].close();
    await new Promise((r) => setTimeout(r, 200));
    const again = live(urlA, coordinator).subscribe<Ev>(EVENTS, { id: MARIA });
    await subscribed(again);
  });

  it('ends a subscription and frees its Redis listener when the client stops', async () => {
    const advocate = await signInAt(urlB, 'advocate@harbor.example');
    const pubsub = second.app.get(RedisPubSub);
    const before = pubsub.listenerCount();
    const c = live(urlB, advocate);
    const s = c.subscribe<Ev>(EVENTS, { id: MARIA });
    await subscribed(s);
    expect(pubsub.listenerCount()).toBe(before + 1);
    c.terminate();
    const deadline = Date.now() + 3000;
    while (pubsub.listenerCount() !== before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(pubsub.listenerCount()).toBe(before);
  });
});
