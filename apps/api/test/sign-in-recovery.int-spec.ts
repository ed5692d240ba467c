import { createHash } from 'node:crypto';
import { MaintenanceProcessor } from '@second-look/server-jobs';
import { REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { DEMO, DEMO_PASSWORD } from '../src/seed/demo-seed';
import { GqlClient, GqlResult, SIGN_IN, startTestStack, TestStack } from './support/test-stack';

const ME = `{ me { id role } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) }`;
const SIGN_UP = `mutation($email: String!) { signUp(input: { organizationName: "Lakeside Advocates", timeZone: "America/Chicago", displayName: "Rosa Diaz", email: $email, password: "a-long-enough-password" }) }`;
const CONFIRM = `mutation($token: String!) { confirmSignUp(token: $token) { id role email organization { name } } }`;

/**
 * A browser at one address (X-Forwarded-For, the API trusting its proxy): it keeps both the
 * session and the device cookie, as a real browser does.
 */
class Browser extends GqlClient {
  private device: string | null = null;
  constructor(
    url: string,
    readonly ip: string,
  ) {
    super(url);
  }
  override async raw(body: unknown, headers: Record<string, string> = {}) {
    const cookies = [this.cookie, this.device].filter(Boolean).join('; ');
    const saved = this.cookie;
    this.cookie = cookies || null;
    const r = await super.raw(body, { 'x-forwarded-for': this.ip, ...headers });
    if (this.cookie === cookies) this.cookie = saved; // no new session cookie came back
    for (const c of r.setCookie) if (c.startsWith('sl_device=')) this.device = c.split(';')[0];
    return r;
  }
  signIn(email: string, password: string): Promise<GqlResult> {
    return this.gql(SIGN_IN, { email, password });
  }
}

const code = (r: GqlResult): string | undefined => r.errors?.[0]?.extensions?.code;

describe('sign-in limits that a stranger cannot turn against the owner', () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('sign-in-limits', { env: { TRUST_PROXY: 'true' } })));
  afterAll(() => s?.close());
  const browser = (ip: string) => new Browser(s.url, ip);

  it('five failures lock one account for that source only: the owner elsewhere still signs in', async () => {
    const stranger = browser('203.0.113.9');
    for (let i = 0; i < 5; i++) expect(code(await stranger.signIn('coordinator@harbor.example', 'guess-guess-guess'))).toBe('UNAUTHENTICATED');
    expect(code(await stranger.signIn('coordinator@harbor.example', 'guess-guess-guess'))).toBe('RATE_LIMITED');
    // Even the right password is refused from the stranger's address ...
    expect(code(await stranger.signIn('coordinator@harbor.example', DEMO_PASSWORD))).toBe('RATE_LIMITED');
    // ... but not from the owner's.
    const owner = browser('198.51.100.7');
    expect((await owner.signIn('coordinator@harbor.example', DEMO_PASSWORD)).errors).toBeUndefined();
    expect((await owner.ok<{ me: { id: string } }>(ME)).me.id).toBe(DEMO.users.harborCoordinator);
  });

  it('failures spread over many addresses lock new browsers out, never the owner’s known one', async () => {
    const owner = browser('198.51.100.20');
    expect((await owner.signIn('advocate@harbor.example', DEMO_PASSWORD)).errors).toBeUndefined();
    await owner.ok(`mutation { signOut }`);
    // 30 failures from six addresses: each address stays under its own limit of five.
    for (let a = 0; a < 6; a++) {
      const stranger = browser(`203.0.113.${100 + a}`);
      for (let i = 0; i < 5; i++) expect(code(await stranger.signIn('advocate@harbor.example', 'guess-guess-guess'))).toBe('UNAUTHENTICATED');
    }
    // A browser never used for this account, from a fresh address, is now refused for the hour ...
    expect(code(await browser('192.0.2.50').signIn('advocate@harbor.example', DEMO_PASSWORD))).toBe('RATE_LIMITED');
    // ... but the owner's known browser (its device cookie) signs in with the right password.
    expect((await owner.signIn('advocate@harbor.example', DEMO_PASSWORD)).errors).toBeUndefined();
    expect((await owner.ok<{ me: { id: string } }>(ME)).me.id).toBe(DEMO.users.harborAdvocate);
  });

  it('a known browser has a failure budget of its own, which a stranger’s device cookie cannot borrow', async () => {
    const owner = browser('198.51.100.30');
    expect((await owner.signIn('advocate2@harbor.example', DEMO_PASSWORD)).errors).toBeUndefined();
    for (let i = 0; i < 10; i++) expect(code(await owner.signIn('advocate2@harbor.example', 'my-old-password!'))).toBe('UNAUTHENTICATED');
    expect(code(await owner.signIn('advocate2@harbor.example', DEMO_PASSWORD))).toBe('RATE_LIMITED');
    // Someone else's known browser (signed in to another account) is a stranger to this one.
    const other = browser('198.51.100.30');
    expect((await other.signIn('patient@harbor.example', DEMO_PASSWORD)).errors).toBeUndefined();
    expect((await other.signIn('advocate2@harbor.example', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('the per-address limit counts failures only: successful sign-ins from a shared office address cost nothing', async () => {
    const redis = s.app.get<Redis>(REDIS);
    const points = async (ip: string) => Number((await redis.get(`${s.config.redisPrefix}:rl:login:ip:${ip}`)) ?? 0);
    for (let i = 0; i < 12; i++) expect((await browser('192.0.2.77').signIn(i % 2 ? 'coordinator@harbor.example' : 'admin@harbor.example', DEMO_PASSWORD)).errors).toBeUndefined();
    expect(await points('192.0.2.77')).toBe(0);
    for (let i = 0; i < 3; i++) await browser('192.0.2.77').signIn('nobody@harbor.example', 'guess-guess-guess');
    expect(await points('192.0.2.77')).toBe(3);
  });
});

describe('sign-up and password reset by e-mail, through the worker and a real SMTP listener', () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('sign-in-recovery', { worker: true, env: { TRUST_PROXY: 'true' } })));
  afterAll(() => s?.close());
  const browser = (ip = '198.51.100.60') => new Browser(s.url, ip);
  const mailTo = (email: string, subject: RegExp) => s.mail!.waitFor((m) => m.to.includes(email) && subject.test(m.subject), 15000);
  const tokenIn = (links: string[], path: string): string => {
    const link = links.find((l) => l.includes(path));
    expect(link).toMatch(new RegExp(`^http://second-look\\.test${path}[A-Za-z0-9_-]{40,}$`));
    return link!.split(path)[1];
  };

  it('answers sign-up the same for a new and an existing address, and tells the owner by e-mail instead', async () => {
    const fresh = await browser().raw({ query: SIGN_UP, variables: { email: 'rosa@lakeside.example' } });
    const taken = await browser().raw({ query: SIGN_UP, variables: { email: 'Coordinator@harbor.example' } });
    expect(taken.status).toBe(fresh.status);
    expect(taken.json).toEqual(fresh.json);
    expect(fresh.json).toEqual({ data: { signUp: true } });
    expect(taken.setCookie).toEqual([]);

    const note = await mailTo('coordinator@harbor.example', /tried to create an account/);
    expect(note.links.some((l) => l.includes('/sign-up/'))).toBe(false);
    expect(note.links).toContain('http://second-look.test/forgot-password');
    expect(await s.ds.query(`SELECT 1 FROM organization WHERE name = 'Lakeside Advocates'`)).toEqual([]);

    const token = tokenIn((await mailTo('rosa@lakeside.example', /Finish creating/)).links, '/sign-up/');
    const c = browser();
    const v = await c.ok<{ confirmSignUp: { role: string; email: string; organization: { name: string } } }>(CONFIRM, { token });
    expect(v.confirmSignUp).toMatchObject({ role: 'ADMIN', email: 'rosa@lakeside.example', organization: { name: 'Lakeside Advocates' } });
    expect((await c.ok<{ me: { role: string } }>(ME)).me.role).toBe('ADMIN');
    expect(code(await browser().gql(CONFIRM, { token }))).toBe('LINK_INVALID');
    expect((await browser().signIn('rosa@lakeside.example', 'a-long-enough-password')).errors).toBeUndefined();
  });

  it('resets a forgotten password: single use, every session ended, audited, and the person told', async () => {
    const email = 'patient2@harbor.example';
    const signedIn = browser('198.51.100.61');
    expect((await signedIn.signIn(email, DEMO_PASSWORD)).errors).toBeUndefined();

    const known = await browser().gql(REQUEST_RESET, { email: 'PATIENT2@harbor.example' });
    const unknown = await browser().gql(REQUEST_RESET, { email: 'nobody-here@harbor.example' });
    expect(known).toEqual(unknown);
    expect(known.data).toEqual({ requestPasswordReset: true });

    const mail = await mailTo(email, /Set a new password/);
    expect(mail.text).not.toMatch(/David|diagnos/i);
    const token = tokenIn(mail.links, '/reset-password/');
    // Only the token's hash is stored (the worker commits it just after SMTP accepted the e-mail).
    const storedHash = async () => (await s.ds.query(`SELECT token_hash FROM password_reset WHERE user_id = $1 AND token_hash IS NOT NULL`, [DEMO.users.harborPatient2]))[0]?.token_hash;
    for (let i = 0; i < 50 && !(await storedHash()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await storedHash()).toBe(createHash('sha256').update(token).digest('hex'));

    expect(code(await browser().gql(RESET, { token, password: 'short' }))).toBe('VALIDATION_FAILED');
    expect(await browser().ok(RESET, { token, password: 'my-brand-new-password' })).toEqual({ resetPassword: true });
    expect(code(await browser().gql(RESET, { token, password: 'another-new-password' }))).toBe('LINK_INVALID');

    expect((await signedIn.gql(ME)).data).toEqual({ me: null });
    expect(code(await browser().signIn(email, DEMO_PASSWORD))).toBe('UNAUTHENTICATED');
    expect((await browser().signIn(email, 'my-brand-new-password')).errors).toBeUndefined();

    const changed = await mailTo(email, /password was changed/);
    expect(changed.links).toContain('http://second-look.test/forgot-password');
    const audit = await s.ds.query(`SELECT action, detail FROM audit_event WHERE entity_id = $1 AND action LIKE 'auth.password%' ORDER BY id`, [DEMO.users.harborPatient2]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['auth.password_reset_request', 'auth.password_reset']);
    expect(audit[1].detail).toEqual({ sessionsEnded: 1 });
    expect(s.mail!.messages.some((m) => m.to.includes('nobody-here@harbor.example'))).toBe(false);
  });

  it('refuses an expired link, and a newer request replaces the older link', async () => {
    const email = 'caregiver@harbor.example';
    await browser().ok(REQUEST_RESET, { email });
    const first = tokenIn((await mailTo(email, /Set a new password/)).links, '/reset-password/');
    const after = s.mail!.messages.at(-1)?.id ?? 0;
    await browser().ok(REQUEST_RESET, { email });
    const second = tokenIn((await s.mail!.waitFor((m) => m.id > after && m.to.includes(email), 15000)).links, '/reset-password/');
    expect(second).not.toBe(first);
    expect(code(await browser().gql(RESET, { token: first, password: 'my-brand-new-password' }))).toBe('LINK_INVALID');
    await s.ds.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect(code(await browser().gql(RESET, { token: second, password: 'my-brand-new-password' }))).toBe('LINK_INVALID');
    expect(code(await browser().gql(RESET, { token: 'x'.repeat(43), password: 'my-brand-new-password' }))).toBe('LINK_INVALID');

    // The nightly maintenance forgets links a day past their end, and no finished sign-up keeps a password hash.
    await s.ds.query(`UPDATE password_reset SET expires_at = now() - interval '2 days' WHERE used_at IS NULL`);
    await s.worker!.get(MaintenanceProcessor).nightly();
    expect(await s.ds.query(`SELECT 1 FROM password_reset WHERE expires_at < now() - interval '1 day'`)).toEqual([]);
    expect(await s.ds.query(`SELECT 1 FROM sign_up_request WHERE completed_at IS NOT NULL AND password_hash <> ''`)).toEqual([]);
  });

  it('limits reset e-mails per address the same way for addresses with and without an account', async () => {
    for (const email of ['admin@northstar.example', 'no-account@northstar.example']) {
      for (let i = 0; i < 3; i++) expect((await browser().gql(REQUEST_RESET, { email })).data).toEqual({ requestPasswordReset: true });
      const r = await browser().gql(REQUEST_RESET, { email });
      expect(code(r)).toBe('RATE_LIMITED');
      expect(r.errors?.[0].extensions?.details).toHaveProperty('retryAfterSeconds');
    }
  });

  it('e-mails a person when a browser new to them signs in, and not again from a known one', async () => {
    const email = 'advocate2@harbor.example';
    const first = browser('198.51.100.70');
    for (let i = 0; i < 2; i++) expect((await first.signIn(email, DEMO_PASSWORD)).errors).toBeUndefined();
    const second = browser('198.51.100.71');
    expect((await second.signIn(email, DEMO_PASSWORD)).errors).toBeUndefined();
    const mail = await mailTo(email, /New sign-in/);
    expect(mail.links).toEqual(['http://second-look.test/forgot-password']);
    expect(mail.text).not.toContain('198.51.100');
    expect((await second.signIn(email, DEMO_PASSWORD)).errors).toBeUndefined();
    expect((await first.signIn(email, DEMO_PASSWORD)).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1500));
    expect(s.mail!.messages.filter((m) => m.to.includes(email) && /New sign-in/.test(m.subject))).toHaveLength(1);
  });

  it('a reset clears a stranger’s lock-out of the account', async () => {
    const email = 'advocate@northstar.example';
    for (let a = 0; a < 6; a++) for (let i = 0; i < 5; i++) await browser(`203.0.113.${150 + a}`).signIn(email, 'guess-guess-guess');
    expect(code(await browser('192.0.2.90').signIn(email, DEMO_PASSWORD))).toBe('RATE_LIMITED');
    await browser('192.0.2.90').ok(REQUEST_RESET, { email });
    const token = tokenIn((await mailTo(email, /Set a new password/)).links, '/reset-password/');
    await browser('192.0.2.90').ok(RESET, { token, password: 'a-fresh-long-password' });
    expect((await browser('192.0.2.90').signIn(email, 'a-fresh-long-password')).errors).toBeUndefined();
  });
});
