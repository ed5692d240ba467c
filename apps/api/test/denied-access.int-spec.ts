import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/**
 * A person probing for records that are not theirs: every try answers the same "not found",
 * and the organization's admins can see it. Rows are capped per caller and window, the rest
 * counted; a burst tells the admins once; looking at the audit log is itself audited.
 */
const CASE = `query($id: ID!) { case(id: $id) { id } }`;
const NOTIFICATIONS = `{ notifications(first: 50) { nodes { kind caseId } } }`;
const AUDIT = `query($f: AuditFilter) { auditEvents(filter: $f, first: 100) { nodes { action entityId ip actor { id } } } }`;
type Audit = { auditEvents: { nodes: Array<{ action: string; entityId: string | null; ip: string | null; actor: { id: string } | null }> } };

describe('denied attempts', () => {
  let stack: TestStack;
  let admin: GqlClient;
  let prober: GqlClient;

  beforeAll(async () => {
    stack = await startTestStack('denied');
    admin = await stack.signIn('admin@harbor.example');
    prober = await stack.signIn('patient2@harbor.example');
  });
  afterAll(() => stack?.close());

  const rows = (action: string) =>
    stack.ds.query<{ entity_id: string | null; detail: Record<string, unknown>; ip: string | null }[]>(
      `SELECT entity_id, detail, ip FROM audit_event WHERE actor_user_id = $1 AND action = $2 ORDER BY id`,
      [DEMO.users.harborPatient2, action],
    );

  it('answers every probe alike, keeps 20 rows then counts, and alerts the admins once', async () => {
    const ids = [DEMO.cases.maria, ...Array.from({ length: 44 }, () => randomUUID())];
    const answers = [];
    for (const id of ids) answers.push(await prober.gql(CASE, { id }));
    // Another patient's case and made-up ids: the same answer, word for word.
    for (const a of answers) expect(a.errors?.[0]).toEqual(answers[0].errors?.[0]);
    expect(answers[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const denied = await rows('access.denied');
    expect(denied).toHaveLength(20);
    expect(denied[0]).toMatchObject({ entity_id: DEMO.cases.maria, detail: { operation: 'Query.case', ids: [DEMO.cases.maria], code: 'NOT_FOUND' } });
    expect(denied.every((d) => d.ip)).toBe(true);
    // The rest is counted: at the 21st and the 40th (then 80, 160...), not one row each.
    expect((await rows('access.denied.summary')).map((r) => r.detail['denials'])).toEqual([21, 40]);
    expect(await rows('access.denied.burst')).toHaveLength(1);

    const { notifications } = await admin.ok<{ notifications: { nodes: Array<{ kind: string; caseId: string | null }> } }>(NOTIFICATIONS);
    expect(notifications.nodes.filter((n) => n.kind === 'security.DENIED_BURST')).toEqual([{ kind: 'security.DENIED_BURST', caseId: null }]);
    // Only the prober's own organization hears of it; the prober is not told.
    const other = await stack.signIn('admin@northstar.example');
    expect((await other.ok<{ notifications: { nodes: Array<{ kind: string }> } }>(NOTIFICATIONS)).notifications.nodes.some((n) => n.kind === 'security.DENIED_BURST')).toBe(false);
    expect((await prober.ok<{ notifications: { nodes: Array<{ kind: string }> } }>(NOTIFICATIONS)).notifications.nodes.some((n) => n.kind === 'security.DENIED_BURST')).toBe(false);

    // Twenty more in the same burst: no second alert.
    for (let i = 0; i < 20; i++) await prober.gql(CASE, { id: randomUUID() });
    expect(await rows('access.denied.burst')).toHaveLength(1);
    expect(await rows('access.denied')).toHaveLength(20);
  });

  it('records a role reaching for a record it may never touch, and not a refusal that names nothing', async () => {
    const patient = await stack.signIn('patient@harbor.example');
    const jobId = `x.${randomUUID()}`;
    const r = await patient.gql(`mutation($q: String!, $id: ID!) { retryFailedJob(queue: $q, jobId: $id) { id } }`, { q: 'email', id: jobId });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await stack.ds.query<{ entity_id: string; detail: Record<string, unknown>; ip: string | null; organization_id: string }[]>(
      `SELECT entity_id, detail, ip, organization_id FROM audit_event WHERE actor_user_id = $1 AND action = 'access.denied'`,
      [DEMO.users.harborPatient],
    );
    expect(row).toMatchObject({ entity_id: jobId, detail: { operation: 'Mutation.retryFailedJob', ids: [jobId], code: 'FORBIDDEN' }, organization_id: DEMO.orgs.harbor });
    expect(row.ip).toBeTruthy();
    // A staff-only list asked for by a patient names no record: refused, not recorded.
    expect((await patient.gql(`{ jobsHealth { checkedAt } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await stack.ds.query(`SELECT 1 FROM audit_event WHERE actor_user_id = $1 AND action LIKE 'access.denied%'`, [DEMO.users.harborPatient])).toHaveLength(1);
  });

  it('shows denied attempts to admins with a filter, and audits every look at the audit log', async () => {
    const before = await stack.ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event WHERE actor_user_id = $1 AND action = 'audit.read'`, [DEMO.users.harborAdmin]);
    const { auditEvents } = await admin.ok<Audit>(AUDIT, { f: { deniedOnly: true } });
    expect(auditEvents.nodes.length).toBeGreaterThanOrEqual(23);
    expect(new Set(auditEvents.nodes.map((n) => n.action))).toEqual(new Set(['access.denied', 'access.denied.summary', 'access.denied.burst']));
    expect(new Set(auditEvents.nodes.map((n) => n.actor?.id))).toEqual(new Set([DEMO.users.harborPatient2, DEMO.users.harborPatient]));
    const after = await stack.ds.query<{ n: string; detail: Record<string, unknown> }[]>(
      `SELECT count(*) OVER () AS n, detail FROM audit_event WHERE actor_user_id = $1 AND action = 'audit.read' ORDER BY id DESC LIMIT 1`,
      [DEMO.users.harborAdmin],
    );
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
    expect(after[0].detail).toMatchObject({ deniedOnly: true, rows: auditEvents.nodes.length });
    // Another organization's admin sees none of it.
    const other = await stack.signIn('admin@northstar.example');
    expect((await other.ok<Audit>(AUDIT, { f: { deniedOnly: true } })).auditEvents.nodes).toEqual([]);
    // The prober cannot read the audit log at all.
    expect((await prober.gql(AUDIT, { f: { deniedOnly: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
