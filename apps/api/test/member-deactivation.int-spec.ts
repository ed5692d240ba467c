import { createHash, randomUUID } from 'node:crypto';
import { DEMO, DEMO_PASSWORD } from '../src/seed/demo-seed';
import { LiveClient } from './support/live-client';
import { GqlClient, GqlResult, SIGN_IN, startTestStack, TestStack } from './support/test-stack';

/**
 * An admin takes away (and gives back) a member's access: every session ends at once and the
 * open socket closes, signing in reads as a wrong password, the work they hold is shown and kept,
 * and the change is a security event. Never yourself, never the last active admin, never
 * another organization's member.
 */
const DEACTIVATE = `mutation($u: ID!) { deactivateMember(userId: $u) { id deactivatedAt } }`;
const REACTIVATE = `mutation($u: ID!) { reactivateMember(userId: $u) { id deactivatedAt } }`;
const OPEN_WORK = `query($u: ID!) { memberOpenWork(userId: $u) { leadCases openTasks } }`;
const ME = `{ me { id } }`;
/** Needs a signed-in staff member (`me` answers null when signed out). */
const STAFF_ONLY = `{ members { id } }`;
const EVENTS = `subscription($id: ID!) { caseEvents(caseId: $id) { id kind } }`;
const ADVOCATE = DEMO.users.harborAdvocate;
const code = (r: GqlResult): unknown => r.errors?.[0]?.extensions?.code ?? (r.errors ? 'error' : 'ok');

describe('deactivating and reactivating a member', () => {
  let stack: TestStack;
  let admin: GqlClient;
  const sockets: LiveClient[] = [];

  const signInAnswer = async (email: string, password: string) => {
    const r = await new GqlClient(stack.url).raw({ query: SIGN_IN, variables: { email, password } });
    const body = r.json as GqlResult;
    return { status: r.status, cookies: r.setCookie.filter((c) => c.startsWith('sl_session=')), data: body.data ?? null, errors: body.errors };
  };
  const securityActions = async (entityId: string): Promise<string[]> => {
    const r = await admin.ok<{ auditEvents: { nodes: { action: string; entityId: string | null }[] } }>(
      `query { auditEvents(filter: { securityOnly: true }, first: 100) { nodes { action entityId } } }`,
    );
    return r.auditEvents.nodes.filter((n) => n.entityId === entityId).map((n) => n.action);
  };

  beforeAll(async () => {
    stack = await startTestStack('deactivate');
    admin = await stack.signIn('admin@harbor.example');
  });
  afterAll(async () => {
    for (const s of sockets) await s.close().catch(() => undefined);
    await stack?.close();
  });

  it('ends every session and socket at once, refuses sign-in like a wrong password, and reactivation lets them back in', async () => {
    const laptop = await stack.signIn('advocate@harbor.example');
    const phone = await stack.signIn('advocate@harbor.example');
    const socket = new LiveClient(stack.url, phone.cookie);
    sockets.push(socket);
    const s = socket.subscribe(EVENTS, { id: DEMO.cases.maria });
    await s.waitFor((m) => (m.data as { caseEvents?: { kind: string } } | undefined)?.caseEvents?.kind === 'SUBSCRIBED');

    // What they hold, shown before confirming: Maria's case is theirs.
    const before = await admin.ok<{ memberOpenWork: { leadCases: number; openTasks: number } }>(OPEN_WORK, { u: ADVOCATE });
    expect(before.memberOpenWork.leadCases).toBeGreaterThan(0);

    // A "set a new password" link they were sent earlier (stored as its hash, as the worker does).
    const resetToken = `reset-${randomUUID()}`;
    await stack.ds.query(`INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [ADVOCATE, createHash('sha256').update(resetToken).digest('hex')]);

    const done = await admin.ok<{ deactivateMember: { id: string; deactivatedAt: string | null } }>(DEACTIVATE, { u: ADVOCATE });
    expect(done.deactivateMember.deactivatedAt).not.toBeNull();

    // Every session is over in the database, and both browsers are refused.
    const open = await stack.ds.query(`SELECT id FROM user_session WHERE user_id = $1 AND revoked_at IS NULL`, [ADVOCATE]);
    expect(open).toEqual([]);
    expect(await stack.ds.query(`SELECT 1 FROM password_reset WHERE user_id = $1 AND used_at IS NULL`, [ADVOCATE])).toEqual([]);
    expect(code(await laptop.gql(STAFF_ONLY))).toBe('UNAUTHENTICATED');
    expect(code(await phone.gql(STAFF_ONLY))).toBe('UNAUTHENTICATED');
    // The socket closes as signed out (the revocation message, not the periodic re-check).
    const since = Date.now();
    while (!socket.closed && Date.now() - since < 2000) await new Promise((r) => setTimeout(r, 5));
    expect(socket.closed?.code).toBe(4401);

    // Signing in reads exactly as a wrong password for an active account: nothing to learn.
    const refused = await signInAnswer('advocate@harbor.example', DEMO_PASSWORD);
    const wrong = await signInAnswer('advocate2@harbor.example', 'not-the-password');
    expect(refused.cookies).toEqual([]);
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual(wrong.errors);
    expect(refused.status).toBe(wrong.status);

    // The admin sees it; their work stays theirs until handed over.
    const { members } = await admin.ok<{ members: { id: string; deactivatedAt: string | null }[] }>(`{ members { id deactivatedAt } }`);
    expect(members.find((m) => m.id === ADVOCATE)?.deactivatedAt).not.toBeNull();
    expect((await admin.ok(OPEN_WORK, { u: ADVOCATE })).memberOpenWork).toEqual(before.memberOpenWork);
    // A deactivated person cannot be made a case's lead.
    const lead = await admin.gql(`mutation($c: ID!, $a: ID!) { assignLeadAdvocate(caseId: $c, advocateId: $a) { id } }`, { c: DEMO.cases.david, a: ADVOCATE });
    expect(code(lead)).toBe('NOT_FOUND');

    const back = await admin.ok<{ reactivateMember: { deactivatedAt: string | null } }>(REACTIVATE, { u: ADVOCATE });
    expect(back.reactivateMember.deactivatedAt).toBeNull();
    // No old session comes back; a new sign-in works.
    expect(code(await laptop.gql(STAFF_ONLY))).toBe('UNAUTHENTICATED');
    // Nor does the reset link sent before the deactivation.
    const reset = await new GqlClient(stack.url).gql(`mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, password: $p }) }`, { t: resetToken, p: 'a-password-set-later' });
    expect(code(reset)).toBe('LINK_INVALID');
    const again = await stack.signIn('advocate@harbor.example');
    expect((await again.ok<{ me: { id: string } }>(ME)).me.id).toBe(ADVOCATE);

    // Both are security events, under the audit log's security filter.
    const actions = await securityActions(ADVOCATE);
    expect(actions).toEqual(expect.arrayContaining(['member.deactivate', 'member.reactivate']));
  });

  it('refuses deactivating yourself, and anyone outside your organization or staff reads as not found', async () => {
    expect(code(await admin.gql(DEACTIVATE, { u: DEMO.users.harborAdmin }))).toBe('CANNOT_DEACTIVATE_SELF');
    const other = await stack.signIn('admin@northstar.example');
    const foreign = await other.gql(DEACTIVATE, { u: ADVOCATE });
    const madeUp = await other.gql(DEACTIVATE, { u: randomUUID() });
    expect(code(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]).toEqual(madeUp.errors?.[0]);
    expect(code(await other.gql(REACTIVATE, { u: ADVOCATE }))).toBe('NOT_FOUND');
    expect(code(await other.gql(OPEN_WORK, { u: ADVOCATE }))).toBe('NOT_FOUND');
    // A patient is not a member: not this screen's to switch off.
    expect(code(await admin.gql(DEACTIVATE, { u: DEMO.users.harborPatient }))).toBe('NOT_FOUND');
    const coordinator = await stack.signIn('coordinator@harbor.example');
    expect(code(await coordinator.gql(DEACTIVATE, { u: DEMO.users.harborAdvocate2 }))).toBe('FORBIDDEN');
    const [{ n }] = await stack.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM app_user WHERE deactivated_at IS NOT NULL`);
    expect(n).toBe(0);
  });

  it('never leaves the organization without an active admin', async () => {
    const CHANGE = `mutation($u: ID!, $r: Role!) { changeMemberRole(userId: $u, role: $r) { id } }`;
    await admin.ok(CHANGE, { u: DEMO.users.harborCoordinator, r: 'ADMIN' });
    const second = await stack.signIn('coordinator@harbor.example');
    const activeAdmins = async () =>
      (await stack.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM app_user WHERE organization_id = $1 AND role = 'ADMIN' AND deactivated_at IS NULL`, [DEMO.orgs.harbor]))[0].n;

    // Two admins taking each other's access at the same moment: one of them stays.
    const both = await Promise.all([admin.gql(DEACTIVATE, { u: DEMO.users.harborCoordinator }), second.gql(DEACTIVATE, { u: DEMO.users.harborAdmin })]);
    const outcomes = both.map(code);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(['LAST_ADMIN', 'UNAUTHENTICATED']).toContain(outcomes.find((o) => o !== 'ok'));
    expect(await activeAdmins()).toBe(1);

    // The one left cannot step down either: a deactivated admin does not count.
    const [winner, loserId] = outcomes[0] === 'ok' ? [admin, DEMO.users.harborCoordinator] : [second, DEMO.users.harborAdmin];
    const winnerId = loserId === DEMO.users.harborAdmin ? DEMO.users.harborCoordinator : DEMO.users.harborAdmin;
    expect(code(await winner.gql(CHANGE, { u: winnerId, r: 'COORDINATOR' }))).toBe('LAST_ADMIN');
    expect(await activeAdmins()).toBe(1);

    // Put things back as they were.
    await winner.ok(REACTIVATE, { u: loserId });
    await winner.ok(CHANGE, { u: DEMO.users.harborCoordinator, r: 'COORDINATOR' });
    expect(await activeAdmins()).toBe(1);
  });
});
