import { DEMO } from '../src/seed/demo-seed';
import { LiveClient, LiveMessage, LiveSubscription } from './support/live-client';
import { ApiReplica, GqlClient, signInAt, startReplica, startTestStack, TestStack } from './support/test-stack';

/**
 * Revocation reaches open sockets on every replica at once: two real API processes on one
 * database and one Redis prefix. The socket is on replica B, the sign-out (or role change) on
 * replica A; B must close it within a second and send nothing after it.
 */
const MARIA = DEMO.cases.maria;
const EVENTS = `subscription($id: ID!) { caseEvents(caseId: $id) { id kind comment { id body } } }`;
type Ev = { caseEvents: { id: string; kind: string; comment: { id: string; body: string } | null } };
const kind = (k: string) => (m: LiveMessage<Ev>) => m.data?.caseEvents.kind === k;
const ADD_COMMENT = `mutation($id: ID!, $b: String!) { addComment(input: { caseId: $id, body: $b, internal: false }) { id } }`;

describe('live revocation across two API processes', () => {
  let stack: TestStack;
  let second: ApiReplica;
  const open: LiveClient[] = [];

  const live = (url: string, http: GqlClient): LiveClient => {
    const c = new LiveClient(url, http.cookie);
    open.push(c);
    return c;
  };
  /** Resolves with how long after `since` the socket closed; fails after 2 s. */
  const closedWithin = async (c: LiveClient, since: number): Promise<number> => {
    while (!c.closed && Date.now() - since < 2000) await new Promise((r) => setTimeout(r, 5));
    if (!c.closed) throw new Error('socket still open 2 s after the revocation');
    return Date.now() - since;
  };
  /** A public comment by the advocate on replica A; afterwards, the receiver must not have it. */
  const commentAfter = async (advocate: GqlClient, s: LiveSubscription<Ev>, body: string) => {
    await advocate.ok(ADD_COMMENT, { id: MARIA, b: body });
    await new Promise((r) => setTimeout(r, 700));
    expect(s.messages.some((m) => m.data?.caseEvents.comment?.body === body)).toBe(false);
  };

  beforeAll(async () => {
    stack = await startTestStack('revoke');
    second = await startReplica(stack);
  });
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await second?.close();
    await stack?.close();
  });

  it('closes the socket on B within a second of signing out on A, and sends nothing after', async () => {
    const advocate = await signInAt(stack.url, 'advocate@harbor.example');
    const patientA = await signInAt(stack.url, 'patient@harbor.example');
    const socket = live(second.url, patientA);
    const s = socket.subscribe<Ev>(EVENTS, { id: MARIA });
    await s.waitFor(kind('SUBSCRIBED'));
    // Still live before: the comment arrives.
    await advocate.ok(ADD_COMMENT, { id: MARIA, b: 'Before sign-out' });
    await s.waitFor((m) => m.data?.caseEvents.comment?.body === 'Before sign-out');

    const cookie = patientA.cookie;
    await patientA.ok(`mutation { signOut }`);
    const since = Date.now();
    // Right after the sign-out answered, a comment that must never reach that socket.
    await advocate.ok(ADD_COMMENT, { id: MARIA, b: 'Right after sign-out' });
    expect(await closedWithin(socket, since)).toBeLessThan(1000);
    expect(socket.closed?.code).toBe(4401);
    await new Promise((r) => setTimeout(r, 300));
    expect(s.messages.some((m) => m.data?.caseEvents.comment?.body === 'Right after sign-out')).toBe(false);

    // And the old cookie opens no new socket.
    const again = new LiveClient(second.url, cookie);
    open.push(again);
    const s2 = again.subscribe<Ev>(EVENTS, { id: MARIA });
    await s2.ended();
    expect(again.closed?.code).toBe(4401);
  });

  it('"sign out everywhere", one device, and all other devices reach sockets on the other replica', async () => {
    const advocate = await signInAt(stack.url, 'advocate@harbor.example');
    const SESSIONS = `{ mySessions { id current } }`;

    // Everywhere: a second browser of the same person, on A.
    const phone = await signInAt(stack.url, 'caregiver@harbor.example');
    const laptop = await signInAt(stack.url, 'caregiver@harbor.example');
    const phoneLive = live(second.url, phone);
    const s = phoneLive.subscribe<Ev>(EVENTS, { id: MARIA });
    await s.waitFor(kind('SUBSCRIBED'));
    await laptop.ok(`mutation { signOutEverywhere }`);
    expect(await closedWithin(phoneLive, Date.now())).toBeLessThan(1000);
    expect(phoneLive.closed?.code).toBe(4401);
    await commentAfter(advocate, s, 'After everywhere');

    // One device: the laptop signs the phone out by the id "Signed-in devices" shows.
    const phone2 = await signInAt(stack.url, 'caregiver@harbor.example');
    const laptop2 = await signInAt(stack.url, 'caregiver@harbor.example');
    const phone2Live = live(second.url, phone2);
    const laptop2Live = live(second.url, laptop2);
    const sp = phone2Live.subscribe<Ev>(EVENTS, { id: MARIA });
    const sl = laptop2Live.subscribe<Ev>(EVENTS, { id: MARIA });
    await Promise.all([sp.waitFor(kind('SUBSCRIBED')), sl.waitFor(kind('SUBSCRIBED'))]);
    const { mySessions } = await phone2.ok<{ mySessions: Array<{ id: string; current: boolean }> }>(SESSIONS);
    const phoneId = mySessions.find((x) => x.current)?.id;
    await laptop2.ok(`mutation($id: ID!) { signOutSession(id: $id) }`, { id: phoneId });
    expect(await closedWithin(phone2Live, Date.now())).toBeLessThan(1000);
    expect(phone2Live.closed?.code).toBe(4401);
    // The laptop's own socket stays and still hears the case.
    await advocate.ok(ADD_COMMENT, { id: MARIA, b: 'Laptop still hears' });
    await sl.waitFor((m) => m.data?.caseEvents.comment?.body === 'Laptop still hears');
    expect(laptop2Live.closed).toBeNull();

    // All other devices: the laptop stays, a third browser goes.
    const tablet = await signInAt(stack.url, 'caregiver@harbor.example');
    const tabletLive = live(second.url, tablet);
    const st = tabletLive.subscribe<Ev>(EVENTS, { id: MARIA });
    await st.waitFor(kind('SUBSCRIBED'));
    await laptop2.ok(`mutation { signOutOtherSessions }`);
    expect(await closedWithin(tabletLive, Date.now())).toBeLessThan(1000);
    expect(tabletLive.closed?.code).toBe(4401);
    await commentAfter(advocate, st, 'After others');
    expect(laptop2Live.closed).toBeNull();
  });

  it('a role change ends the staff member’s sockets at once; a new socket carries the new role', async () => {
    const admin = await signInAt(stack.url, 'admin@harbor.example');
    const advocate = await signInAt(stack.url, 'advocate@harbor.example');
    const coordinator = await signInAt(stack.url, 'coordinator@harbor.example');
    const socket = live(second.url, coordinator);
    const s = socket.subscribe<Ev>(EVENTS, { id: MARIA });
    await s.waitFor(kind('SUBSCRIBED'));
    const CHANGE = `mutation($u: ID!, $r: Role!) { changeMemberRole(userId: $u, role: $r) { id role } }`;
    try {
      await admin.ok(CHANGE, { u: DEMO.users.harborCoordinator, r: 'ADVOCATE' });
      expect(await closedWithin(socket, Date.now())).toBeLessThan(1000);
      // Not signed out: the client reconnects, with the rights it has now.
      expect(socket.closed?.code).toBe(4421);
      await commentAfter(advocate, s, 'After the role change');
      const { me } = await coordinator.ok<{ me: { role: string } }>(`{ me { role } }`);
      expect(me.role).toBe('ADVOCATE');
      const back = live(second.url, coordinator).subscribe<Ev>(EVENTS, { id: MARIA });
      await back.waitFor(kind('SUBSCRIBED'));
    } finally {
      await admin.ok(CHANGE, { u: DEMO.users.harborCoordinator, r: 'COORDINATOR' });
    }
  });

  it('requiring a second sign-in step ends the live view of staff who have none', async () => {
    const admin = await signInAt(stack.url, 'admin@harbor.example');
    const advocate = await signInAt(stack.url, 'advocate@harbor.example');
    const socket = live(second.url, advocate);
    const s = socket.subscribe<Ev>(EVENTS, { id: MARIA });
    await s.waitFor(kind('SUBSCRIBED'));
    try {
      await admin.ok(`mutation { setRequireStaffMfa(required: true) { requireStaffMfa } }`);
      expect(await closedWithin(socket, Date.now())).toBeLessThan(1000);
      const retry = live(second.url, advocate);
      const r = retry.subscribe<Ev>(EVENTS, { id: MARIA });
      await r.ended();
      expect(retry.closed?.code).toBe(4403);
    } finally {
      await admin.ok(`mutation { setRequireStaffMfa(required: false) { requireStaffMfa } }`);
    }
  });

  it('even without the message, a socket whose session ended sends nothing once its cached check is old', async () => {
    const advocate = await signInAt(stack.url, 'advocate@harbor.example');
    const patient = await signInAt(stack.url, 'patient@harbor.example');
    const socket = live(second.url, patient);
    const s = socket.subscribe<Ev>(EVENTS, { id: MARIA });
    await s.waitFor(kind('SUBSCRIBED'));
    // Ended behind the API's back (as if the Redis message were lost): only the database knows.
    await stack.ds.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [DEMO.users.harborPatient]);
    await new Promise((r) => setTimeout(r, 5_200));
    await commentAfter(advocate, s, 'After a silent revocation');
    expect(socket.closed?.code).toBe(4401);
  });
});
