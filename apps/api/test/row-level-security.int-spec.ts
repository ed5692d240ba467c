import { PatientCase } from '@second-look/server-cases';
import { JobTenantScope } from '@second-look/server-jobs';
import { TenantContext } from '@second-look/server-platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEMO } from '../src/seed/demo-seed';
import { startTestStack, TestStack } from './support/test-stack';

/**
 * Row-level security (docs/operations.md, "Database roles and row-level security") on the real
 * PostgreSQL: the role the app runs as, every table's policies, and what a statement can reach
 * with no scope, with one organization's scope and with the system scope, raw SQL included.
 */
const A = DEMO.orgs.harbor;
const B = DEMO.orgs.northstar;
const B_CASE = DEMO.cases.northstarRuth;
/** Two patients of organization A: Maria (her case, with her caregiver) and David (his). */
const MARIA = DEMO.users.harborPatient;
const MARIA_CASE = DEMO.cases.maria;
const DAVID_CASE = DEMO.cases.david;

/** Tables whose rows belong to one case: patient_case itself, a case_id column, or a foreign key to patient_case. */
const CASE_TABLES_SQL = `SELECT c.relname AS name, c.relname <> 'patient_case' AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'case_id' AND NOT a.attisdropped) AS "hasCaseId",
    EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'case_member' AND NOT p.polpermissive) AS restricted
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    AND (c.relname = 'patient_case'
      OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'case_id' AND NOT a.attisdropped)
      OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid = 'patient_case'::regclass))
  ORDER BY 1`;

/**
 * Tables without row-level security, on purpose. Each holds no organization's data, or is read
 * before any organization is known and carries only what that lookup needs:
 */
const GLOBAL_TABLES: Record<string, string> = {
  schema_migration: 'the migrations ledger; the app may only read it',
  user_session: 'looked up by the hash of the session cookie before the organization is known; holds ids, times, device and address',
  password_reset: 'looked up by the hash of the link token before the organization is known',
  sign_up_request: 'a sign-up that has no organization yet',
  outbox_message: 'the transactional outbox: ids and job names, relayed across organizations',
  outbox_pending: 'the outbox relay’s queue of ids',
};

/**
 * Tables whose policies are enabled but not forced: their owner reads them without the
 * policies. Only the owner's own sessions (system scope already) and the functions it owns do.
 */
const NOT_FORCED: Record<string, string> = {
  patient_case: 'app_case_ids_by_patient_name() finds names through the trigram index, applying the organization and a patient’s own cases itself (migration CaseListNameAndNextDue)',
};

describe('row-level security', () => {
  let s: TestStack;
  let app: DataSource;

  beforeAll(async () => {
    s = await startTestStack('rls', { worker: true });
    app = s.app.get(DataSource);
  }, 120_000);
  afterAll(() => s?.close());

  it('runs the app as a role that owns nothing, is no superuser and cannot bypass row-level security', async () => {
    const [me] = await app.query(`SELECT current_user AS "user", r.rolsuper AS "super", r.rolbypassrls AS "bypass" FROM pg_roles r WHERE r.rolname = current_user`);
    expect(me).toEqual({ user: 'sl_app', super: false, bypass: false });
    const owned = await s.ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'sl_app'`);
    expect(owned).toEqual([]);
    await expect(app.query(`CREATE TABLE t_probe (id int)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE patient_case DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/must be owner/);
  });

  it('has row-level security enabled and forced, with policies, on every table but the listed global ones', async () => {
    const tables: { name: string; enabled: boolean; forced: boolean; policies: number; hasOrg: boolean }[] = await s.ds.query(
      `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped) AS "hasOrg"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(40);
    const unprotected = tables.filter((t) => !GLOBAL_TABLES[t.name] && !(t.enabled && (t.forced || NOT_FORCED[t.name]) && t.policies >= 1)).map((t) => t.name);
    expect(unprotected).toEqual([]);
    expect(tables.filter((t) => t.enabled && !t.forced).map((t) => t.name)).toEqual(Object.keys(NOT_FORCED));
    // The allow-list stays honest: no global table grew an organization, and each still exists.
    expect(tables.filter((t) => GLOBAL_TABLES[t.name] && t.hasOrg).map((t) => t.name)).toEqual([]);
    expect(Object.keys(GLOBAL_TABLES).filter((g) => !tables.some((t) => t.name === g))).toEqual([]);
  });

  it('holds every table of a case’s rows to the restrictive case-member policy', async () => {
    const tables: { name: string; restricted: boolean }[] = await s.ds.query(CASE_TABLES_SQL);
    expect(tables.length).toBeGreaterThan(20);
    // A new table with a case_id (or a foreign key to patient_case) fails here until it gets `case_member`.
    expect(tables.filter((t) => !t.restricted).map((t) => t.name)).toEqual([]);
    // Children without a case_id follow their parent's policy.
    const [{ item }] = await s.ds.query(`SELECT count(*)::int AS item FROM pg_policy WHERE polrelid = 'record_request_item'::regclass AND polname = 'case_member' AND NOT polpermissive`);
    expect(item).toBe(1);
  });

  it('keeps a patient’s session to the cases she joined, even with raw SQL, and staff, jobs and the system as they were', async () => {
    // A comment on David's case that Maria must not reach (planted by the owner).
    const [planted] = await s.ds.query(`INSERT INTO case_comment (case_id, organization_id, author_id, body) VALUES ($1, $2, $3, 'David only') RETURNING id`, [
      DAVID_CASE,
      A,
      DEMO.users.harborAdvocate,
    ]);
    const tables: { name: string; hasCaseId: boolean }[] = await s.ds.query(CASE_TABLES_SQL);
    const davids = async (db: { query: DataSource['query'] }): Promise<Record<string, number>> => {
      const n: Record<string, number> = {};
      for (const t of tables.filter((x) => x.hasCaseId)) n[t.name] = (await db.query(`SELECT count(*)::int AS n FROM "${t.name}" WHERE case_id = $1`, [DAVID_CASE]))[0].n;
      return n;
    };
    const seenByOwner = await davids(s.ds);
    expect(Object.entries(seenByOwner).filter(([, n]) => n > 0).length).toBeGreaterThanOrEqual(3);
    const asMaria = <T>(fn: () => Promise<T>) => TenantContext.run({ organizationId: A, actorId: MARIA, caseMember: true }, fn);

    await asMaria(async () => {
      const cases: { id: string }[] = await app.query(`SELECT id FROM patient_case`);
      expect(cases.map((c) => c.id)).toContain(MARIA_CASE);
      expect(cases.map((c) => c.id)).not.toContain(DAVID_CASE);
      expect(await app.query(`SELECT id FROM patient_case WHERE id = $1`, [DAVID_CASE])).toEqual([]);
      const seenByMaria = await davids(app);
      expect(Object.values(seenByMaria).every((n) => n === 0)).toBe(true);
      expect(await app.query(`SELECT i.request_id FROM record_request_item i JOIN record_request r ON r.id = i.request_id WHERE r.case_id = $1`, [DAVID_CASE])).toEqual([]);
      // Her own case and its rows read.
      expect((await app.query(`SELECT count(*)::int AS n FROM case_participant WHERE case_id = $1`, [MARIA_CASE]))[0].n).toBeGreaterThanOrEqual(2);
      expect((await app.query(`SELECT count(*)::int AS n FROM case_stage_change WHERE case_id = $1`, [MARIA_CASE]))[0].n).toBeGreaterThan(0);
      // What she legitimately reads beyond her cases: her organization, her account, the script library.
      expect(await app.query(`SELECT id FROM organization`)).toEqual([{ id: A }]);
      expect(await app.query(`SELECT id FROM app_user WHERE id = $1`, [MARIA])).toEqual([{ id: MARIA }]);
      // Writes: updates of David's rows touch nothing; inserts into his case and moves into it are refused.
      const [, updated] = await app.query(`UPDATE patient_case SET summary = 'changed by Maria' WHERE id = $1`, [DAVID_CASE]);
      expect(updated).toBe(0);
      const [, edited] = await app.query(`UPDATE case_comment SET body = 'changed by Maria' WHERE id = $1`, [planted.id]);
      expect(edited).toBe(0);
      const [, deleted] = await app.query(`DELETE FROM case_comment WHERE case_id = $1`, [DAVID_CASE]);
      expect(deleted).toBe(0);
      await expect(app.query(`INSERT INTO case_comment (case_id, organization_id, author_id, body) VALUES ($1, $2, $3, 'planted')`, [DAVID_CASE, A, MARIA])).rejects.toThrow(/row-level security/);
      await expect(app.query(`INSERT INTO case_participant (case_id, user_id, role) VALUES ($1, $2, 'CAREGIVER')`, [DAVID_CASE, MARIA])).rejects.toThrow(/null value|row-level security/);
      const [mine] = await app.query(`INSERT INTO case_comment (case_id, organization_id, author_id, body) VALUES ($1, $2, $3, 'mine') RETURNING id`, [MARIA_CASE, A, MARIA]);
      await expect(app.query(`UPDATE case_comment SET case_id = $1 WHERE id = $2`, [DAVID_CASE, mine.id])).rejects.toThrow(/row-level security/);
      // A denied attempt on David's case is still written to the audit log (the policy there covers reads only).
      await app.query(`INSERT INTO audit_event (organization_id, actor_user_id, action, entity_type, case_id) VALUES ($1, $2, 'PROBE', 'case', $3)`, [A, MARIA, DAVID_CASE]);
      expect(await app.query(`SELECT id FROM audit_event WHERE action = 'PROBE'`)).toEqual([]);
    });
    // Staff of the same organization, a job and the system scope see David's rows as before (the probe's audit row included).
    const all = await davids(s.ds);
    expect(all).toEqual({ ...seenByOwner, audit_event: seenByOwner.audit_event + 1 });
    expect(await TenantContext.forOrganization(A, () => davids(app))).toEqual(all);
    expect(await TenantContext.run({ organizationId: A, actorId: DEMO.users.harborAdvocate }, () => davids(app))).toEqual(all);
    expect(await TenantContext.system(() => davids(app))).toEqual(all);
    const [david] = await s.ds.query(`SELECT summary FROM patient_case WHERE id = $1`, [DAVID_CASE]);
    expect(david.summary).not.toBe('changed by Maria');
    expect((await s.ds.query(`SELECT body FROM case_comment WHERE id = $1`, [planted.id]))[0].body).toBe('David only');
    expect(await s.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'PROBE' AND case_id = $1`, [DAVID_CASE])).toEqual([{ n: 1 }]);
  });

  it('marks a signed-in patient’s request as a case-member session, and a staff request not', async () => {
    const scopes: { caseMember: boolean; actorId: string | null }[] = [];
    const current = TenantContext.current.bind(TenantContext);
    const spy = jest.spyOn(TenantContext, 'current').mockImplementation(() => {
      const scope = current();
      if (!scope.system && scope.organizationId) scopes.push({ caseMember: scope.caseMember, actorId: scope.actorId });
      return scope;
    });
    try {
      const maria = await s.signIn('patient@harbor.example');
      scopes.length = 0;
      const r = await maria.ok<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 50) { nodes { id } } }`);
      expect(r.cases.nodes.map((c) => c.id)).toContain(MARIA_CASE);
      expect(scopes.length).toBeGreaterThan(0);
      expect(scopes.every((x) => x.caseMember && x.actorId === MARIA)).toBe(true);
      const advocate = await s.signIn('advocate@harbor.example');
      scopes.length = 0;
      await advocate.ok(`{ cases(first: 50) { nodes { id } } }`);
      expect(scopes.length).toBeGreaterThan(0);
      expect(scopes.every((x) => !x.caseMember)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('shows no row to a statement without a scope, even raw SQL', async () => {
    // A connection of the app's role on which nothing was set, as PostgreSQL sees a fresh one.
    const raw = new Client({ connectionString: s.config.databaseUrl, options: '-c role=sl_app' });
    await raw.connect();
    try {
      for (const table of ['patient_case', 'app_user', 'organization', 'case_participant', 'record_request_item', 'sign_in_factor', 'audit_event']) {
        const { rows } = await raw.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect([table, rows[0].n]).toEqual([table, 0]);
      }
      // Set but empty (a connection whose scope was reset) is the same: nothing.
      await raw.query(`SELECT set_config('app.organization_id', '', false), set_config('app.scope', '', false)`);
      expect((await raw.query(`SELECT count(*)::int AS n FROM patient_case`)).rows[0].n).toBe(0);
      await expect(raw.query(`INSERT INTO record_holder (organization_id, name) VALUES ($1, 'Probe')`, [A])).rejects.toThrow(/row-level security/);
      await expect(raw.query(`UPDATE patient_case SET summary = 'x'`)).resolves.toMatchObject({ rowCount: 0 });
    } finally {
      await raw.end();
    }
  });

  it('keeps organization A’s scope away from B’s rows: read, update, delete and insert, with raw SQL', async () => {
    await TenantContext.forOrganization(A, async () => {
      const orgs = await app.query(`SELECT DISTINCT organization_id AS id FROM patient_case`);
      expect(orgs).toEqual([{ id: A }]);
      expect(await app.query(`SELECT id FROM patient_case WHERE id = $1`, [B_CASE])).toEqual([]);
      expect(await app.query(`SELECT id FROM organization`)).toEqual([{ id: A }]);
      // The ORM too, with no filter of its own.
      const cases = await app.getRepository(PatientCase).find();
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.every((c) => c.organizationId === A)).toBe(true);
      const [, updated] = await app.query(`UPDATE patient_case SET summary = 'changed by A' WHERE id = $1`, [B_CASE]);
      expect(updated).toBe(0);
      const [, deleted] = await app.query(`DELETE FROM case_comment WHERE organization_id = $1`, [B]);
      expect(deleted).toBe(0);
      await expect(app.query(`INSERT INTO record_holder (organization_id, name) VALUES ($1, 'Planted in B')`, [B])).rejects.toThrow(/row-level security/);
      // Moving one's own row into B is refused as well.
      const [mine] = await app.query(`INSERT INTO record_holder (organization_id, name) VALUES ($1, 'Harbor lab') RETURNING id`, [A]);
      await expect(app.query(`UPDATE record_holder SET organization_id = $1 WHERE id = $2`, [B, mine.id])).rejects.toThrow(/row-level security/);
      // A child row cannot be hung under B's case (its organization comes from the parent, which A cannot see).
      await expect(app.query(`INSERT INTO case_participant (case_id, user_id, role) VALUES ($1, $2, 'PATIENT')`, [B_CASE, DEMO.users.harborPatient])).rejects.toThrow(/null value|row-level security/);
    });
    const [ruth] = await s.ds.query(`SELECT summary FROM patient_case WHERE id = $1`, [B_CASE]);
    expect(ruth.summary).not.toBe('changed by A');
    expect(await s.ds.query(`SELECT id FROM record_holder WHERE name = 'Planted in B'`)).toEqual([]);
  });

  it('fills a child row’s organization from its parent', async () => {
    const [{ n }] = await s.ds.query(`SELECT count(*)::int AS n FROM case_participant p JOIN patient_case c ON c.id = p.case_id WHERE p.organization_id <> c.organization_id`);
    expect(n).toBe(0);
    const [{ m }] = await s.ds.query(`SELECT count(*)::int AS m FROM sign_in_factor f JOIN app_user u ON u.id = f.user_id WHERE f.organization_id <> u.organization_id`);
    expect(m).toBe(0);
  });

  it('narrows a signed-in request to the caller’s organization', async () => {
    const seen = new Set<string>();
    const current = TenantContext.current.bind(TenantContext);
    const spy = jest.spyOn(TenantContext, 'current').mockImplementation(() => {
      const scope = current();
      seen.add(scope.system ? 'system' : (scope.organizationId ?? 'none'));
      return scope;
    });
    try {
      const admin = await s.signIn('admin@northstar.example');
      seen.clear();
      const r = await admin.ok<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 50) { nodes { id } } }`);
      expect(r.cases.nodes.map((c) => c.id)).toEqual([B_CASE]);
      // The session lookup crosses organizations; everything after it runs as Northstar.
      expect([...seen].filter((x) => x !== 'system')).toEqual([B]);
    } finally {
      spy.mockRestore();
    }
  });

  it('looks the session up and narrows the scope in one round trip, and the request’s reads on that connection set nothing more', async () => {
    // Every statement any pg client of this process sends, with its client (TypeORM does not see the set_configs).
    const sent: { client: Client; sql: string }[] = [];
    const query = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      if (typeof args[0] === 'string') sent.push({ client: this, sql: args[0].replace(/\s+/g, ' ').trim() });
      return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
    } as never);
    /** The statements sent on the lookup's connection from the lookup on (the pool hands the last released connection out first). */
    const afterLookup = () => {
      const at = sent.findIndex((x) => x.sql.includes('app_enter_session('));
      expect(at).toBeGreaterThanOrEqual(0);
      return sent
        .slice(at)
        .filter((x) => x.client === sent[at]!.client)
        .map((x) => x.sql);
    };
    const isScopeSet = (sql: string) => sql.startsWith(`SELECT set_config('app.organization_id'`);
    try {
      const admin = await s.signIn('admin@northstar.example');
      sent.length = 0;
      const r = await admin.ok<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 50) { nodes { id } } }`);
      expect(r.cases.nodes.map((c) => c.id)).toEqual([B_CASE]);
      expect(sent.filter((x) => x.sql.includes('app_enter_session(')).length).toBe(1);
      const onIt = afterLookup();
      expect(onIt.some((q) => /FROM "patient_case"/.test(q))).toBe(true);
      expect(onIt.filter(isScopeSet)).toEqual([]);
      // A patient's lookup leaves her connection held to the cases she joined.
      const maria = await s.signIn('patient@harbor.example');
      sent.length = 0;
      const hers = await maria.ok<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 50) { nodes { id } } }`);
      expect(hers.cases.nodes.map((c) => c.id)).toContain(MARIA_CASE);
      const onHers = afterLookup();
      expect(onHers.some((q) => /FROM "patient_case"/.test(q))).toBe(true);
      expect(onHers.filter(isScopeSet)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    // What the function leaves on a connection, as PostgreSQL sees it: the caller's scope, or none.
    const raw = new Client({ connectionString: s.config.databaseUrl, options: '-c role=sl_app' });
    await raw.connect();
    try {
      const [session] = (await s.ds.query(`SELECT s.id FROM user_session s WHERE s.user_id = $1 AND s.revoked_at IS NULL ORDER BY s.created_at DESC LIMIT 1`, [MARIA])) as { id: string }[];
      const found = (await raw.query(`SELECT o_organization AS org, o_scope AS scope, o_scope_member AS member FROM app_enter_session($1)`, [session!.id])).rows;
      expect(found).toEqual([{ org: A, scope: 'organization', member: 'on' }]);
      const settings = `SELECT current_setting('app.organization_id') AS org, current_setting('app.actor_id') AS actor, current_setting('app.scope') AS scope, current_setting('app.case_member') AS member`;
      expect((await raw.query(settings)).rows).toEqual([{ org: A, actor: MARIA, scope: 'organization', member: 'on' }]);
      const [{ joined }] = await s.ds.query(`SELECT count(DISTINCT case_id)::int AS joined FROM case_participant WHERE user_id = $1`, [MARIA]);
      expect((await raw.query(`SELECT count(*)::int AS n FROM patient_case`)).rows[0].n).toBe(joined);
      expect((await raw.query(`SELECT count(*)::int AS n FROM app_enter_session('not-a-session')`)).rows[0].n).toBe(0);
      expect((await raw.query(settings)).rows).toEqual([{ org: '', actor: '', scope: 'none', member: '' }]);
      expect((await raw.query(`SELECT count(*)::int AS n FROM patient_case`)).rows[0].n).toBe(0);
    } finally {
      await raw.end();
    }
  });

  it('gives each job the organization its payload names', async () => {
    const scope = s.worker!.get(JobTenantScope);
    expect(await scope.organizationOf({ requestId: '00000000-0000-4000-8000-000000000000', kind: 'x', on: '2026-01-01' })).toBeNull();
    expect(await scope.organizationOf({ organizationId: A, on: '2026-01-01' })).toBe(A);
    expect(await scope.organizationOf({ userId: DEMO.users.northstarPatient })).toBe(B);
    expect(await scope.organizationOf({ signUpId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    const inside = await scope.run({ userId: DEMO.users.northstarPatient }, () => app.query(`SELECT DISTINCT organization_id AS id FROM app_user`));
    expect(inside).toEqual([{ id: B }]);
  });
});
