import { DEMO, DEMO_PASSWORD } from '../src/seed/demo-seed';
import { SIGN_IN, startTestStack, TestStack } from './support/test-stack';

const ME = `{ me { id role organization { name } } }`;

describe('sign-in, sessions and rate limits', () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('auth')));
  afterAll(() => s?.close());

  it('sets an httpOnly, SameSite session cookie and stores only its hash', async () => {
    const c = s.client();
    const r = await c.raw({ query: SIGN_IN, variables: { email: 'ADVOCATE@harbor.example ', password: DEMO_PASSWORD } });
    const cookie = r.setCookie.find((h) => h.startsWith('sl_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = c.cookie!.split('=')[1];
    const rows = await s.ds.query(`SELECT id FROM user_session WHERE user_id = $1`, [DEMO.users.harborAdvocate]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((x: { id: string }) => x.id)).not.toContain(token);
    expect((await c.ok<{ me: { id: string } }>(ME)).me.id).toBe(DEMO.users.harborAdvocate);
  });

  it('refuses a wrong password with one message for unknown and known accounts', async () => {
    const a = await s.client().gql(SIGN_IN, { email: 'coordinator@harbor.example', password: 'wrong-password-1' });
    const b = await s.client().gql(SIGN_IN, { email: 'nobody@harbor.example', password: 'wrong-password-1' });
    expect(a.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(a.errors?.[0].message).toBe(b.errors?.[0].message);
  });

  it('answers UNAUTHENTICATED without a session, and me is null', async () => {
    const c = s.client();
    expect((await c.gql(ME)).data).toEqual({ me: null });
    const r = await c.gql(`{ cases { totalCount } }`);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('signs out at once, and "sign out everywhere" ends every session', async () => {
    const one = await s.signIn('patient@harbor.example');
    const two = await s.signIn('patient@harbor.example');
    await one.ok(`mutation { signOut }`);
    expect((await one.gql(ME)).data).toEqual({ me: null });
    // A stolen copy of the cookie stops working too.
    const copy = s.client();
    copy.cookie = two.cookie;
    await two.ok(`mutation { signOutEverywhere }`);
    expect((await copy.gql(ME)).data).toEqual({ me: null });
  });

  it('ends a staff session idle for 30 minutes, and any session after 12 hours', async () => {
    const staff = await s.signIn('coordinator@harbor.example');
    await s.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1 AND revoked_at IS NULL`, [DEMO.users.harborCoordinator]);
    expect((await staff.gql(ME)).data).toEqual({ me: null });

    const patient = await s.signIn('patient2@harbor.example');
    await s.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1 AND revoked_at IS NULL`, [DEMO.users.harborPatient2]);
    expect((await patient.ok<{ me: { id: string } }>(ME)).me.id).toBe(DEMO.users.harborPatient2);
    await s.ds.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [DEMO.users.harborPatient2]);
    expect((await patient.gql(ME)).data).toEqual({ me: null });
  });

  it('limits sign-in attempts per account, counting each operation of a batch', async () => {
    const c = s.client();
    const attempt = { query: SIGN_IN, variables: { email: 'admin@northstar.example', password: 'not-the-password' } };
    const r = await c.raw([attempt, attempt, attempt, attempt, attempt, attempt]);
    const codes = (r.json as Array<{ errors: Array<{ extensions: { code: string } }> }>).map((x) => x.errors[0].extensions.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes[5]).toBe('RATE_LIMITED');
    // Even the right password is refused while the account is locked out.
    const right = await c.gql(SIGN_IN, { email: 'admin@northstar.example', password: DEMO_PASSWORD });
    expect(right.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(right.errors?.[0].extensions?.details).toHaveProperty('retryAfterSeconds');
  });

  it('audits sign-ins and failures', async () => {
    const rows = await s.ds.query(`SELECT action FROM audit_event WHERE action LIKE 'auth.%'`);
    const actions = new Set(rows.map((r: { action: string }) => r.action));
    expect(actions).toEqual(new Set(['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out', 'auth.sign_out_everywhere']));
  });
});

describe('sign-in limits do not lock out a shared office address', () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('auth-office')));
  afterAll(() => s?.close());

  it('lets many successful sign-ins through from one IP, each clearing the account count', async () => {
    for (let i = 0; i < 40; i++) await s.signIn(i % 2 ? 'advocate@harbor.example' : 'coordinator@harbor.example');
    for (let i = 0; i < 4; i++) await s.client().gql(SIGN_IN, { email: 'advocate@harbor.example', password: 'wrong-wrong-wrong' });
    await s.signIn('advocate@harbor.example');
    for (let i = 0; i < 4; i++) await s.client().gql(SIGN_IN, { email: 'advocate@harbor.example', password: 'wrong-wrong-wrong' });
    expect((await s.client().gql(SIGN_IN, { email: 'advocate@harbor.example', password: DEMO_PASSWORD })).errors).toBeUndefined();
  });
});
