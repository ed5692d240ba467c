import { generate } from 'otplib';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, GqlResult, SIGN_IN, startTestStack, TestStack } from './support/test-stack';

// Second sign-in steps (issue 22, parts 6 and 8) against the real API, PostgreSQL, Redis,
// worker and an SMTP listener: an authenticator app, recovery codes, the admin's switch and
// reset, signed-in devices, and the audit log's security filter. Passkeys are proven in
// Chromium with a virtual authenticator (e2e/sign-in-factors.e2e.ts).

const START_TOTP = `mutation { startTotpEnrollment { factorId secret uri } }`;
const CONFIRM_TOTP = `mutation($input: ConfirmTotpInput!) { confirmTotpEnrollment(input: $input) { recoveryCodes } }`;
const COMPLETE = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { id } }`;
const MY_SECURITY = `{ mySecurity { recoveryCodesLeft required factors { id kind label } } }`;
const ME = `{ me { id mustAddSecondStep } }`;

const code = (r: GqlResult): string | undefined => r.errors?.[0]?.extensions?.code;
const challengeOf = (r: GqlResult): string => {
  expect(code(r)).toBe('SECOND_FACTOR_REQUIRED');
  return r.errors?.[0]?.extensions?.details?.challenge as string;
};
/** A code for a 30-second step `steps` away from now. */
const totp = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('second sign-in steps', () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('sign-in-factors', { worker: true, env: { TRUST_PROXY: 'true' } })));
  afterAll(() => s?.close());
  const mailTo = (email: string, subject: RegExp) => s.mail!.waitFor((m) => m.to.includes(email) && subject.test(m.subject), 15000);
  const audit = async (userId: string, action: string): Promise<number> =>
    Number((await s.ds.query(`SELECT count(*) AS n FROM audit_event WHERE actor_user_id = $1 AND action = $2`, [userId, action]))[0].n);

  async function enrollTotp(c: GqlClient): Promise<{ secret: string; recoveryCodes: string[] }> {
    const { startTotpEnrollment: e } = await c.ok<{ startTotpEnrollment: { factorId: string; secret: string; uri: string } }>(START_TOTP);
    expect(e.uri).toContain(`secret=${e.secret}`);
    const done = await c.ok<{ confirmTotpEnrollment: { recoveryCodes: string[] } }>(CONFIRM_TOTP, { input: { factorId: e.factorId, code: await totp(e.secret), label: 'My phone' } });
    return { secret: e.secret, recoveryCodes: done.confirmTotpEnrollment.recoveryCodes };
  }

  it('an advocate adds an authenticator app; the secret is stored encrypted, audited and e-mailed', async () => {
    const c = await s.signIn('advocate@harbor.example');
    const { startTotpEnrollment: e } = await c.ok<{ startTotpEnrollment: { factorId: string; secret: string } }>(START_TOTP);
    // A wrong first code is refused and the app is not added.
    const wrong = await c.gql(CONFIRM_TOTP, { input: { factorId: e.factorId, code: '000000' } });
    expect(code(wrong)).toBe('VALIDATION_FAILED');
    expect((await c.ok<{ mySecurity: { factors: unknown[] } }>(MY_SECURITY)).mySecurity.factors).toEqual([]);

    const done = await c.ok<{ confirmTotpEnrollment: { recoveryCodes: string[] } }>(CONFIRM_TOTP, { input: { factorId: e.factorId, code: await totp(e.secret), label: 'My phone' } });
    expect(done.confirmTotpEnrollment.recoveryCodes).toHaveLength(10);
    const mine = (await c.ok<{ mySecurity: { recoveryCodesLeft: number; factors: Array<{ kind: string; label: string }> } }>(MY_SECURITY)).mySecurity;
    expect(mine).toMatchObject({ recoveryCodesLeft: 10, factors: [{ kind: 'TOTP', label: 'My phone' }] });

    const [row] = await s.ds.query(`SELECT secret_ciphertext FROM sign_in_factor WHERE user_id = $1`, [DEMO.users.harborAdvocate]);
    expect(row.secret_ciphertext).toMatch(/^v1\./);
    expect(row.secret_ciphertext).not.toContain(e.secret);
    const hashes = await s.ds.query(`SELECT code_hash FROM recovery_code WHERE user_id = $1`, [DEMO.users.harborAdvocate]);
    expect(hashes.map((h: { code_hash: string }) => h.code_hash)).not.toContain(done.confirmTotpEnrollment.recoveryCodes[0]);
    expect(await audit(DEMO.users.harborAdvocate, 'factor.totp_added')).toBe(1);
    expect(await audit(DEMO.users.harborAdvocate, 'factor.totp_confirm_failed')).toBe(1);
    const mail = await mailTo('advocate@harbor.example', /sign-in steps changed/);
    expect(mail.text).toContain('authenticator app was added');
    expect(mail.text).not.toContain(e.secret);
  });

  it('then a password alone does not sign in: a code does, once; a wrong code and a used code are refused', async () => {
    const c = await s.signIn('advocate2@harbor.example');
    const { secret } = await enrollTotp(c);
    await c.ok(`mutation { signOut }`);

    const b = new GqlClient(s.url);
    const first = await b.gql(SIGN_IN, { email: 'advocate2@harbor.example', password: 'demo-password-123' });
    const challenge = challengeOf(first);
    expect(first.errors?.[0]?.extensions?.details?.methods).toEqual(['TOTP']);
    expect(b.cookie).toBeNull();
    expect(code(await b.gql(ME))).toBeUndefined();
    expect((await b.ok<{ me: null }>(ME)).me).toBeNull();

    expect(code(await b.gql(COMPLETE, { input: { challenge, code: '123456' } }))).toBe('UNAUTHENTICATED');
    // The enrollment code's step was used: the next step's code signs in.
    const ok = await b.gql<{ completeSignIn: { id: string } }>(COMPLETE, { input: { challenge, code: await totp(secret, 1) } });
    expect(ok.data?.completeSignIn.id).toBe(DEMO.users.harborAdvocate2);
    expect((await b.ok<{ me: { id: string } }>(ME)).me.id).toBe(DEMO.users.harborAdvocate2);
    // The step is used up, and the same code does not open another sign-in.
    expect(code(await b.gql(COMPLETE, { input: { challenge, code: await totp(secret, 1) } }))).toBe('UNAUTHENTICATED');
    const again = challengeOf(await new GqlClient(s.url).gql(SIGN_IN, { email: 'advocate2@harbor.example', password: 'demo-password-123' }));
    expect(code(await new GqlClient(s.url).gql(COMPLETE, { input: { challenge: again, code: await totp(secret, 1) } }))).toBe('UNAUTHENTICATED');
    expect(await audit(DEMO.users.harborAdvocate2, 'auth.second_step_failed')).toBe(2);
  });

  it('a recovery code signs in once, is audited and e-mailed', async () => {
    const c = await s.signIn('coordinator@harbor.example');
    const { recoveryCodes } = await enrollTotp(c);
    const use = async (rc: string) => {
      const b = new GqlClient(s.url);
      const challenge = challengeOf(await b.gql(SIGN_IN, { email: 'coordinator@harbor.example', password: 'demo-password-123' }));
      return b.gql(COMPLETE, { input: { challenge, recoveryCode: rc } });
    };
    expect(code(await use(recoveryCodes[3].toLowerCase().replace(/-/g, ' ')))).toBeUndefined();
    expect(code(await use(recoveryCodes[3]))).toBe('UNAUTHENTICATED');
    expect((await c.ok<{ mySecurity: { recoveryCodesLeft: number } }>(MY_SECURITY)).mySecurity.recoveryCodesLeft).toBe(9);
    expect(await audit(DEMO.users.harborCoordinator, 'factor.recovery_code_used')).toBe(1);
    expect((await mailTo('coordinator@harbor.example', /sign-in steps changed/)).text).toMatch(/authenticator app was added|recovery code was used/);
  });

  it('wrong codes are limited per person like passwords: five end the step, ten lock codes for a while', async () => {
    const c = await s.signIn('patient2@harbor.example');
    const { secret } = await enrollTotp(c);
    const b = new GqlClient(s.url);
    const first = challengeOf(await b.gql(SIGN_IN, { email: 'patient2@harbor.example', password: 'demo-password-123' }));
    for (let i = 0; i < 5; i++) expect(code(await b.gql(COMPLETE, { input: { challenge: first, code: '111111' } }))).toBe('UNAUTHENTICATED');
    // The sixth try, even right, finds the step ended.
    const ended = await b.gql(COMPLETE, { input: { challenge: first, code: await totp(secret, 1) } });
    expect(ended.errors?.[0]?.extensions?.details?.expired).toBe(true);
    const second = challengeOf(await b.gql(SIGN_IN, { email: 'patient2@harbor.example', password: 'demo-password-123' }));
    for (let i = 0; i < 5; i++) expect(code(await b.gql(COMPLETE, { input: { challenge: second, code: '222222' } }))).toBe('UNAUTHENTICATED');
    const third = challengeOf(await b.gql(SIGN_IN, { email: 'patient2@harbor.example', password: 'demo-password-123' }));
    expect(code(await b.gql(COMPLETE, { input: { challenge: third, code: await totp(secret, 1) } }))).toBe('RATE_LIMITED');
  });

  it('an admin requires a second step for staff: staff without one can only add one; patients are not asked', async () => {
    const admin = await s.signIn('admin@northstar.example');
    const on = await admin.ok<{ setRequireStaffMfa: { requireStaffMfa: boolean } }>(`mutation { setRequireStaffMfa(required: true) { requireStaffMfa } }`);
    expect(on.setRequireStaffMfa.requireStaffMfa).toBe(true);
    expect(await audit(DEMO.users.northstarAdmin, 'organization.security_settings.update')).toBe(1);

    const advocate = await s.signIn('advocate@northstar.example');
    expect((await advocate.ok<{ me: { mustAddSecondStep: boolean } }>(ME)).me.mustAddSecondStep).toBe(true);
    expect(code(await advocate.gql(`{ cases(first: 5) { nodes { id } } }`))).toBe('FACTOR_ENROLLMENT_REQUIRED');
    expect((await advocate.ok<{ mySecurity: { required: boolean } }>(MY_SECURITY)).mySecurity.required).toBe(true);
    const { secret } = await enrollTotp(advocate);
    expect((await advocate.ok<{ me: { mustAddSecondStep: boolean } }>(ME)).me.mustAddSecondStep).toBe(false);
    expect(code(await advocate.gql(`{ cases(first: 5) { nodes { id } } }`))).toBeUndefined();
    // Their last step cannot be removed while the organization requires one.
    const [factor] = (await advocate.ok<{ mySecurity: { factors: Array<{ id: string }> } }>(MY_SECURITY)).mySecurity.factors;
    expect(code(await advocate.gql(`mutation($id: ID!) { removeSignInFactor(id: $id) }`, { id: factor.id }))).toBe('VALIDATION_FAILED');

    const patient = await s.signIn('patient@northstar.example');
    expect((await patient.ok<{ me: { mustAddSecondStep: boolean } }>(ME)).me.mustAddSecondStep).toBe(false);
    expect(code(await patient.gql(`{ cases(first: 5) { nodes { id } } }`))).toBeUndefined();

    // The advocate lost the phone: the admin resets their steps, which signs them out and tells them.
    expect((await admin.ok<{ staffSecurity: { membersWithSecondStep: string[] } }>(`{ staffSecurity { membersWithSecondStep } }`)).staffSecurity.membersWithSecondStep).toContain(
      DEMO.users.northstarAdvocate,
    );
    await admin.ok(`mutation($id: ID!) { resetMemberSignInSteps(userId: $id) }`, { id: DEMO.users.northstarAdvocate });
    expect((await advocate.ok<{ me: null }>(ME)).me).toBeNull();
    expect(await audit(DEMO.users.northstarAdmin, 'factor.reset_by_admin')).toBe(1);
    expect((await mailTo('advocate@northstar.example', /sign-in steps changed/)).text).toMatch(/admin of your organization removed|authenticator app was added/);
    // Another organization's member is not found.
    expect(code(await admin.gql(`mutation($id: ID!) { resetMemberSignInSteps(userId: $id) }`, { id: DEMO.users.harborAdvocate }))).toBe('NOT_FOUND');
    // Signed in again with the password alone, the advocate must add a step first.
    const back = await s.signIn('advocate@northstar.example');
    expect((await back.ok<{ me: { mustAddSecondStep: boolean } }>(ME)).me.mustAddSecondStep).toBe(true);
    expect(secret).toBeTruthy();
    await admin.ok(`mutation { setRequireStaffMfa(required: false) { requireStaffMfa } }`);
    expect(code(await back.gql(`{ cases(first: 5) { nodes { id } } }`))).toBeUndefined();
  });

  it('each person sees their signed-in browsers and signs one out; the security filter shows it to admins', async () => {
    const phone = new GqlClient(s.url);
    await phone.raw(
      { query: SIGN_IN, variables: { email: 'caregiver@harbor.example', password: 'demo-password-123' } },
      {
        'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
        'x-forwarded-for': '198.51.100.200',
      },
    );
    const laptop = await s.signIn('caregiver@harbor.example');
    type S = { id: string; browser: string | null; os: string | null; ip: string | null; current: boolean };
    const list = (await laptop.ok<{ mySessions: S[] }>(`{ mySessions { id browser os ip current } }`)).mySessions;
    expect(list).toHaveLength(2);
    const other = list.find((x) => !x.current) as S;
    expect(other).toMatchObject({ browser: 'Safari', os: 'iPhone', ip: '198.51.100.200' });
    expect(other.id).toMatch(/^[0-9a-f-]{36}$/);

    // Someone else's session id is not found; their own is signed out at once.
    const stranger = await s.signIn('patient@harbor.example');
    expect(code(await stranger.gql(`mutation($id: ID!) { signOutSession(id: $id) }`, { id: other.id }))).toBe('NOT_FOUND');
    expect((await phone.ok<{ me: { id: string } }>(ME)).me.id).toBe(DEMO.users.harborCaregiver);
    await laptop.ok(`mutation($id: ID!) { signOutSession(id: $id) }`, { id: other.id });
    expect((await phone.ok<{ me: null }>(ME)).me).toBeNull();
    expect((await laptop.ok<{ mySessions: S[] }>(`{ mySessions { id current } }`)).mySessions).toEqual([expect.objectContaining({ current: true })]);

    const admin = await s.signIn('admin@harbor.example');
    type E = { auditEvents: { nodes: Array<{ action: string }> } };
    const events = (await admin.ok<E>(`{ auditEvents(filter: { securityOnly: true }, first: 200) { nodes { action } } }`)).auditEvents.nodes.map((e) => e.action);
    expect(events).toEqual(expect.arrayContaining(['session.sign_out_device', 'auth.sign_in', 'factor.totp_added', 'factor.recovery_code_used', 'auth.second_step_failed']));
    expect(events.every((a) => /^(auth\.|factor\.|session\.|access\.|member\.change_role|organization\.security_settings\.update)/.test(a))).toBe(true);
  });
});
