import { seedDemoRecords } from '../src/seed/demo-records';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

type Hit = { id: string; kind: string; caseId: string; patientName: string; match: string; matchedText: string; sentOn: string | null; open: boolean | null };
const SEARCH = `query($q: String!, $first: Int) { search(query: $q, first: $first) { query hits { id kind caseId patientName stage match matchedText sentOn open } } }`;

describe('search: one box across cases, scoped and forgiving', () => {
  let s: TestStack;
  let advocate: GqlClient;
  beforeAll(async () => {
    s = await startTestStack('search');
    await seedDemoRecords(s.ds);
    advocate = await s.signIn('advocate@harbor.example');
  });
  afterAll(() => s?.close());

  const search = async (c: GqlClient, q: string, first?: number) => (await c.ok<{ search: { query: string; hits: Hit[] } }>(SEARCH, { q, first })).search.hits;

  it('finds a patient by a misspelled name, best match first', async () => {
    const hits = await search(advocate, 'Grace Whitfeld');
    expect(hits[0]).toMatchObject({ kind: 'CASE', caseId: DEMO.cases.grace, match: 'PATIENT_NAME', matchedText: 'Grace Whitfield' });
    expect((await search(advocate, 'lopes'))[0]).toMatchObject({ caseId: DEMO.cases.maria, match: 'PATIENT_NAME' });
  });

  it('finds a case by its candidate provider or institution', async () => {
    expect(await search(advocate, 'Helen Prak')).toContainEqual(expect.objectContaining({ kind: 'CASE', caseId: DEMO.cases.maria, match: 'PROVIDER', matchedText: 'Dr. Helen Park' }));
    expect(await search(advocate, 'Lakeshore University')).toContainEqual(expect.objectContaining({ caseId: DEMO.cases.maria, match: 'PROVIDER' }));
  });

  it('finds record requests by holder, newest first, with their state', async () => {
    const hits = (await search(advocate, 'Riverside Family')).filter((h) => h.kind === 'RECORD_REQUEST');
    expect(hits).toEqual([expect.objectContaining({ id: '2c000000-0000-4000-8000-000000000003', caseId: DEMO.cases.david, match: 'RECORD_HOLDER', open: true })]);
    expect(hits[0].sentOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A fragment finds it too (contains), and a typo in the holder's name.
    expect((await search(advocate, 'Lakevew Imaging')).map((h) => h.id)).toContain('2c000000-0000-4000-8000-000000000001');
  });

  it('never shows another organization', async () => {
    const northstar = await s.signIn('admin@northstar.example');
    expect(await search(northstar, 'Maria Lopez')).toEqual([]);
    expect(await search(northstar, 'Helen Park')).toEqual([]);
    expect((await search(northstar, 'Okafor')).map((h) => h.caseId)).toEqual([DEMO.cases.northstarRuth]);
    expect((await search(advocate, 'Ruth Okafor')).map((h) => h.caseId)).not.toContain(DEMO.cases.northstarRuth);
  });

  it('shows a patient only their own cases', async () => {
    const maria = await s.signIn('patient@harbor.example');
    expect(await search(maria, 'David Chen')).toEqual([]);
    expect(await search(maria, 'Riverside Family')).toEqual([]);
    expect((await search(maria, 'Maria')).map((h) => h.caseId)).toEqual([DEMO.cases.maria]);
    expect((await search(maria, 'Lakeview')).every((h) => h.caseId === DEMO.cases.maria)).toBe(true);
  });

  it('audits each hit as a read, without the words searched', async () => {
    const before = Date.now();
    const hits = await search(advocate, 'Omar Hadad');
    expect(hits.map((h) => h.caseId)).toContain(DEMO.cases.omar);
    const rows = (await s.ds.query(`SELECT entity_type, entity_id, case_id, detail FROM audit_event WHERE action = 'search.read' AND actor_user_id = $1 AND at >= $2`, [
      DEMO.users.harborAdvocate,
      new Date(before - 1000),
    ])) as { entity_type: string; case_id: string; detail: Record<string, unknown> }[];
    expect(rows).toContainEqual(expect.objectContaining({ entity_type: 'case', case_id: DEMO.cases.omar, detail: { match: 'PATIENT_NAME' } }));
    expect(JSON.stringify(rows)).not.toMatch(/Hadad/i);
  });

  it('answers nothing for a query too short, takes wildcards literally, and refuses one too long', async () => {
    expect(await search(advocate, ' M ')).toEqual([]);
    expect(await search(advocate, '%%')).toEqual([]);
    expect(await search(advocate, '__')).toEqual([]);
    const long = await advocate.gql(SEARCH, { q: 'x'.repeat(101) });
    expect(long.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const many = await advocate.gql(SEARCH, { q: 'Maria', first: 31 });
    expect(many.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await search(advocate, 'a', 1)).toEqual([]);
  });
});
