import { CaseStage } from '@second-look/domain';
import { seedDemoAppointment } from '../src/seed/demo-appointment';
import { DEMO_ORG_CASES, DEMO_TEAM, seedDemoOrganization } from '../src/seed/demo-organization';
import { seedDemoRecords } from '../src/seed/demo-records';
import { DEMO } from '../src/seed/demo-seed';
import { DEMO_SPANISH, seedDemoSpanish } from '../src/seed/demo-spanish';
import { startTestStack, TestStack } from './support/test-stack';

/** The demo organization `npm start` shows (the CLI seed), as a new user would judge it. */
describe('demo organization', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack('demo-org');
    await seedDemoRecords(s.ds);
    await seedDemoAppointment(s.ds);
    await seedDemoSpanish(s.ds);
    await seedDemoOrganization(s.ds);
  });
  afterAll(() => s?.close());

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await s.ds.query(sql, params)) as T[])[0];

  it('looks like a real organization: 30–50 cases in every stage, several advocates, ~150 requests across ~20 holders, visits this week', async () => {
    const harbor = DEMO.orgs.harbor;
    const { n: cases } = await one<{ n: number }>(`SELECT count(*)::int n FROM patient_case WHERE organization_id = $1`, [harbor]);
    expect(cases).toBeGreaterThanOrEqual(30);
    expect(cases).toBeLessThanOrEqual(50);
    const stages = ((await s.ds.query(`SELECT DISTINCT stage FROM patient_case WHERE organization_id = $1`, [harbor])) as { stage: string }[]).map((r) => r.stage).sort();
    expect(stages).toEqual(Object.values(CaseStage).sort());
    const { n: leads } = await one<{ n: number }>(`SELECT count(DISTINCT lead_advocate_id)::int n FROM patient_case WHERE organization_id = $1`, [harbor]);
    expect(leads).toBeGreaterThanOrEqual(4);
    const r = await one<{ total: number; holders: number; late: number; extended: number; open: number; oldest: number }>(
      `SELECT count(*)::int total, count(DISTINCT holder_id)::int holders,
              count(*) FILTER (WHERE completed_on IS NULL AND legal_due_on < current_date)::int late,
              count(*) FILTER (WHERE extension_reason IS NOT NULL)::int extended,
              count(*) FILTER (WHERE completed_on IS NULL)::int open,
              max(current_date - sent_on)::int oldest
       FROM record_request WHERE organization_id = $1`,
      [harbor],
    );
    expect(r.total).toBeGreaterThanOrEqual(120);
    expect(r.total).toBeLessThanOrEqual(180);
    expect(r.holders).toBeGreaterThanOrEqual(18);
    expect(r.late).toBeGreaterThan(0);
    expect(r.extended).toBeGreaterThan(0);
    expect(r.open).toBeGreaterThan(30);
    expect(r.oldest).toBeGreaterThan(45);
    const { n: visits } = await one<{ n: number }>(`SELECT count(*)::int n FROM appointment WHERE organization_id = $1 AND starts_at > now() AND starts_at < now() + interval '7 days'`, [harbor]);
    expect(visits).toBeGreaterThanOrEqual(4);
    // The team signs in like any demo account.
    await s.signIn(DEMO_TEAM[0].email);
  });

  it('keeps the fixed demo ids and is the same on every run (a second seed adds nothing)', async () => {
    const count = async () => one<{ c: number; r: number }>(`SELECT (SELECT count(*) FROM patient_case)::int c, (SELECT count(*) FROM record_request)::int r`);
    const before = await count();
    await seedDemoOrganization(s.ds);
    expect(await count()).toEqual(before);
    const fixed = [DEMO.cases.maria, DEMO.cases.david, DEMO.cases.grace, DEMO.cases.omar, DEMO.cases.eleanor, DEMO_SPANISH.case];
    const { n } = await one<{ n: number }>(`SELECT count(*)::int n FROM patient_case WHERE id = ANY($1)`, [fixed]);
    expect(n).toBe(fixed.length);
    const names = (await s.ds.query(`SELECT patient_name FROM patient_case WHERE id::text LIKE '0c000000-0000-4000-8000-0000000001%' ORDER BY id`)) as { patient_name: string }[];
    expect(names).toHaveLength(Math.min(DEMO_ORG_CASES, 100));
    expect(names[0].patient_name).toBe('Anna Abbott');
  });
});
