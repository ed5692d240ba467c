import { INestApplication } from '@nestjs/common';
import { RedisPubSub } from '@second-look/server-collaboration';
import { randomUUID } from 'node:crypto';
import { createApi } from '../src/bootstrap';
import { DEMO, DEMO_PASSWORD } from '../src/seed/demo-seed';
import { LiveClient, LiveMessage, LiveSubscription } from './support/live-client';
import { GqlClient, SIGN_IN, startTestStack, TestStack } from './support/test-stack';

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

type Ev = { caseEvents: { id: string; kind: string; entityId: string | null; staffOnly: boolean; actor: { id: string } | null; case: { summary: string; version: number }; comment: { body: string; internal: boolean } | null; packetItem: { title: string } | null } };
type Pres = { casePresence: Array<{ key: string; role: string; editing: string | null; you: boolean; user: { id: string; displayName: string } }> };

const kind = (k: string) => (m: LiveMessage<Ev>) => m.data?.caseEvents.kind === k;

describe('live subscriptions across two API processes', () => {
  let stack: TestStack;
  let second: INestApplication;
  let urlA: string;
  let urlB: string;
  const open: LiveClient[] = [];

  const signInAt = async (url: string, email: string): Promise<GqlClient> => {
    const c = new GqlClient(url);
    await c.ok(SIGN_IN, { email, password: DEMO_PASSWORD });
    return c;
  };
  const live = (url: string, http: GqlClient | null): LiveClient => {
    const c = new LiveClient(url, http?.cookie ?? null);
    open.push(c);
    return c;
  };
  const subscribed = async (s: LiveSubscription<Ev>) => s.waitFor(kind('SUBSCRIBED'));

  beforeAll(async () => {
    stack = await startTestStack('live');
    urlA = stack.url;
    second = await createApi(stack.config, { logger: false });
    await second.listen(0, '127.0.0.1');
    urlB = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
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
    for (const [who, id] of [[other, MARIA], [other, randomUUID()], [otherPatient, MARIA]] as const) {
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

  it('ends a subscription and frees its Redis listener when the client stops', async () => {
    const advocate = await signInAt(urlB, 'advocate@harbor.example');
    const pubsub = second.get(RedisPubSub);
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
