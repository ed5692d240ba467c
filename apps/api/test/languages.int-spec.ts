import { hashInvitationToken, Invitation } from '@second-look/server-identity';
import { Role } from '@second-look/domain';
import { DEMO, DEMO_PASSWORD } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const ME = `{ me { id language } }`;
const SIGN_IN_WITH = `mutation($email: String!, $password: String!, $language: Language) { signIn(input: { email: $email, password: $password, language: $language }) { id language } }`;
const CASE = `query($id: ID!) { case(id: $id) { id version preferredLanguage } }`;
const UPDATE = `mutation($input: UpdateCaseInput!) { updateCase(input: $input) { id version preferredLanguage } }`;
const storedLanguage = async (s: TestStack, userId: string): Promise<string | null> => (await s.ds.query(`SELECT language FROM app_user WHERE id = $1`, [userId]))[0].language;

describe("a person's language and a case's preferred language", () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('languages')));
  afterAll(() => s?.close());

  it("answers with the browser's Accept-Language until the person chooses, then with their choice everywhere", async () => {
    const c = await s.signIn('patient2@harbor.example');
    const asked = async (client: GqlClient, acceptLanguage: string) =>
      ((await client.raw({ query: ME }, { 'accept-language': acceptLanguage })).json as { data: { me: { language: string } } }).data.me.language;
    expect(await asked(c, 'es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(await asked(c, 'fr-FR,en;q=0.5')).toBe('en');
    expect(await storedLanguage(s, DEMO.users.harborPatient2)).toBeNull();

    const set = await c.ok<{ setMyLanguage: { language: string } }>(`mutation { setMyLanguage(language: es) { id language } }`);
    expect(set.setMyLanguage.language).toBe('es');
    expect(await storedLanguage(s, DEMO.users.harborPatient2)).toBe('es');
    // Another device, with an English browser, still reads Spanish.
    const other = await s.signIn('patient2@harbor.example');
    expect(await asked(other, 'en-US')).toBe('es');
    const audit = await s.ds.query(`SELECT detail FROM audit_event WHERE action = 'user.set_language' AND actor_user_id = $1`, [DEMO.users.harborPatient2]);
    expect(audit).toEqual([{ detail: { language: 'es' } }]);
  });

  it('refuses a language it does not speak with a clear code, and setting one needs a session', async () => {
    const c = await s.signIn('advocate@harbor.example');
    const bad = await c.gql(`mutation { setMyLanguage(language: fr) { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(bad.errors)).not.toMatch(/stack|at \//);
    const anonymous = await s.client().gql(`mutation { setMyLanguage(language: es) { id } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores the language chosen on the sign-in page on the person', async () => {
    const c = s.client();
    const r = await c.ok<{ signIn: { language: string } }>(SIGN_IN_WITH, { email: 'caregiver@harbor.example', password: DEMO_PASSWORD, language: 'es' });
    expect(r.signIn.language).toBe('es');
    expect(await storedLanguage(s, DEMO.users.harborCaregiver)).toBe('es');
    // Signing in without a choice keeps the stored one.
    await s.client().ok(SIGN_IN_WITH, { email: 'caregiver@harbor.example', password: DEMO_PASSWORD });
    expect(await storedLanguage(s, DEMO.users.harborCaregiver)).toBe('es');
  });

  it('stores the language chosen on the invitation page on the new person', async () => {
    const token = 'language-test-token-0123456789-abcdefghijklmnopqrstuvwxyz';
    await s.ds.getRepository(Invitation).save({
      organizationId: DEMO.orgs.harbor,
      email: 'new.caregiver@example.org',
      role: Role.CAREGIVER,
      caseId: DEMO.cases.david,
      access: null,
      tokenHash: hashInvitationToken(token),
      invitedById: DEMO.users.harborPatient2,
      expiresAt: new Date(Date.now() + 86_400_000),
    } as Partial<Invitation>);
    const r = await s
      .client()
      .ok<{ acceptInvitation: { id: string; language: string } }>(
        `mutation($token: String!) { acceptInvitation(input: { token: $token, displayName: "Ana", password: "a-long-enough-password", language: es }) { id language } }`,
        { token },
      );
    expect(r.acceptInvitation.language).toBe('es');
    expect(await storedLanguage(s, r.acceptInvitation.id)).toBe('es');
  });

  it("lets staff and the patient set the case's preferred language, versioned and audited, and shows it on the board", async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const before = (await advocate.ok<{ case: { version: number; preferredLanguage: string } }>(CASE, { id: DEMO.cases.maria })).case;
    expect(before.preferredLanguage).toBe('en');
    const byStaff = await advocate.ok<{ updateCase: { version: number; preferredLanguage: string } }>(UPDATE, {
      input: { id: DEMO.cases.maria, expectedVersion: before.version, preferredLanguage: 'es' },
    });
    expect(byStaff.updateCase).toMatchObject({ preferredLanguage: 'es', version: before.version + 1 });

    // A save based on the older version is refused with the value saved since.
    const patient = await s.signIn('patient@harbor.example');
    const stale = await patient.gql(UPDATE, { input: { id: DEMO.cases.maria, expectedVersion: before.version, preferredLanguage: 'en' } });
    expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');
    expect(stale.errors?.[0].extensions?.details).toMatchObject({ currentVersion: before.version + 1, current: { preferredLanguage: 'es' } });
    const byPatient = await patient.ok<{ updateCase: { preferredLanguage: string } }>(UPDATE, {
      input: { id: DEMO.cases.maria, expectedVersion: before.version + 1, preferredLanguage: 'en' },
    });
    expect(byPatient.updateCase.preferredLanguage).toBe('en');
    await patient.ok(UPDATE, { input: { id: DEMO.cases.maria, expectedVersion: before.version + 2, preferredLanguage: 'es' } });

    const audits = await s.ds.query(`SELECT detail FROM audit_event WHERE action = 'case.update' AND case_id = $1`, [DEMO.cases.maria]);
    expect(audits.filter((a: { detail: { fields: string[] } }) => a.detail.fields.includes('preferredLanguage'))).toHaveLength(3);

    const coordinator = await s.signIn('coordinator@harbor.example');
    const list = await coordinator.ok<{ cases: { nodes: { id: string; preferredLanguage: string }[] } }>(`{ cases(first: 50) { nodes { id preferredLanguage } } }`);
    expect(list.cases.nodes.find((n) => n.id === DEMO.cases.maria)?.preferredLanguage).toBe('es');
    // A request on Maria's case puts her on the coordinator's board, with her language.
    const holderId = (await coordinator.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Lakeview Imaging", fax: "555-0100" }) { id } }`)).createRecordHolder
      .id;
    const itemId = (await coordinator.ok<{ addPacketItem: { id: string } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: LABS, title: "labs" }) { id } }`, { c: DEMO.cases.maria }))
      .addPacketItem.id;
    await coordinator.ok(`mutation($c: ID!, $h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`, {
      c: DEMO.cases.maria,
      h: holderId,
      i: itemId,
      d: new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10),
    });
    const board = await coordinator.ok<{ recordBoard: { requests: { nodes: { case: { id: string; preferredLanguage: string } }[] } } }>(
      `{ recordBoard(first: 100) { requests { nodes { case { id preferredLanguage } } } } }`,
    );
    const rows = board.recordBoard.requests.nodes.filter((r) => r.case.id === DEMO.cases.maria);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.case.preferredLanguage === 'es')).toBe(true);
  });

  it('refuses an unknown preferred language, a caregiver who may only comment, and another organization', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const v = (await advocate.ok<{ case: { version: number } }>(CASE, { id: DEMO.cases.david })).case.version;
    const bad = await advocate.gql(UPDATE, { input: { id: DEMO.cases.david, expectedVersion: v, preferredLanguage: 'de' } });
    expect(bad.errors?.[0].extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|VALIDATION_FAILED)$/);
    const caregiver = await s.signIn('caregiver@harbor.example');
    const mariaVersion = (await caregiver.ok<{ case: { version: number } }>(CASE, { id: DEMO.cases.maria })).case.version;
    const refused = await caregiver.gql(UPDATE, { input: { id: DEMO.cases.maria, expectedVersion: mariaVersion, preferredLanguage: 'en' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsider = await s.signIn('advocate@northstar.example');
    const hidden = await outsider.gql(UPDATE, { input: { id: DEMO.cases.maria, expectedVersion: mariaVersion, preferredLanguage: 'en' } });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
