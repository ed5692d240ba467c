import { ALL_ENTITIES, createTestDatabase, dataSourceOptions } from '@second-look/server-database';
import { Metrics } from '@second-look/server-platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/**
 * The records board on a read replica (DATABASE_READ_URL; docs/operations.md, "Past one
 * machine"). CI has no streaming replica: the "replica" is a second database on the same
 * server holding a snapshot of the primary, made read-only as a hot standby is, so which
 * database answered shows in what the board counts.
 */
const MARIA = DEMO.cases.maria;
const WINDOW_MS = 1000;
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let replica: Awaited<ReturnType<typeof createTestDatabase>>;
let s: TestStack;
let advocate: GqlClient;
let coordinator: GqlClient;
let holderId: string;

/** The primary's schema and rows on the replica, as of now (a replica that then stops replaying). */
async function snapshot(from: string, to: string): Promise<void> {
  const schema = new DataSource(dataSourceOptions(to, ALL_ENTITIES));
  await schema.initialize();
  await schema.runMigrations({ transaction: 'each' });
  await schema.destroy();
  const [src, dst] = [new Client({ connectionString: from }), new Client({ connectionString: to })];
  await Promise.all([src.connect(), dst.connect()]);
  try {
    const { rows: tables } = await src.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    await dst.query('BEGIN');
    // No triggers or foreign-key checks while copying (as a replica replays).
    await dst.query('SET LOCAL session_replication_role = replica');
    await dst.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')}`);
    for (const { name } of tables) {
      const { rows } = await src.query<{ data: unknown[] | null }>(`SELECT json_agg(x) AS data FROM "${name}" x`);
      if (rows[0]?.data) await dst.query(`INSERT INTO "${name}" SELECT * FROM json_populate_recordset(NULL::"${name}", $1)`, [JSON.stringify(rows[0].data)]);
    }
    await dst.query('COMMIT');
  } finally {
    await Promise.all([src.end(), dst.end()]);
  }
}

async function openOnBoard(c: GqlClient): Promise<number> {
  return (await c.ok<{ recordBoard: { counts: { open: number } } }>('query { recordBoard(first: 50) { counts { open } requests { nodes { id } } } }')).recordBoard.counts.open;
}

async function request(): Promise<void> {
  const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: LABS }) { id } }`, { c: MARIA })).addPacketItem;
  await advocate.ok(`mutation($c: ID!, $h: ID!, $i: [ID!]!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: $i, method: FAX, sentOn: $d }) { id } }`, {
    c: MARIA,
    h: holderId,
    i: [item.id],
    d: day(-3),
  });
}

const readsOn = async (target: string, reason: string) => {
  const metric = await s.app.get(Metrics).registry.getSingleMetric('db_read_target_total')!.get();
  return metric.values.find((v) => v.labels.target === target && v.labels.reason === reason)?.value ?? 0;
};

beforeAll(async () => {
  replica = await createTestDatabase('replica');
  s = await startTestStack('read-replica', { env: { DATABASE_READ_URL: replica.url, READ_AFTER_WRITE_MS: String(WINDOW_MS) } });
  advocate = await s.signIn('advocate@harbor.example');
  coordinator = await s.signIn('coordinator@harbor.example');
  holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Replica Lab", fax: "555-0100" }) { id } }`)).createRecordHolder.id;
  await request();
  await request();
  await snapshot(s.config.databaseUrl, replica.url);
  // As a hot standby: every write on it is refused.
  const admin = new Client({ connectionString: replica.url });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${new URL(replica.url).pathname.slice(1)}" SET default_transaction_read_only = on`);
  await admin.end();
  // The primary moves on; the replica does not see this one.
  await request();
  await sleep(WINDOW_MS + 200);
});
afterAll(async () => {
  await s?.close();
  await replica?.drop();
});

describe('read replica', () => {
  it('answers the board from the replica when nobody in the organization just wrote, and audits the read on the primary', async () => {
    const audited = async () => Number((await s.ds.query(`SELECT count(*) AS n FROM audit_event WHERE action = 'record_request.list'`))[0].n);
    const before = await audited();
    expect(await openOnBoard(coordinator)).toBe(2);
    expect(await audited()).toBe(before + 2);
    expect(await readsOn('replica', 'replica')).toBe(1);
    expect(await readsOn('primary', 'replica_failed')).toBe(0);
  });

  it('reads the primary right after a write by anyone in the organization, and the replica again after READ_AFTER_WRITE_MS', async () => {
    await advocate.ok('mutation { setMyLanguage(language: en) { id } }');
    expect(await openOnBoard(coordinator)).toBe(3);
    expect(await readsOn('primary', 'recent_write')).toBeGreaterThanOrEqual(1);
    await sleep(WINDOW_MS + 200);
    expect(await openOnBoard(coordinator)).toBe(2);
  });

  it('falls back to the primary when the replica is gone', async () => {
    await replica.drop();
    expect(await openOnBoard(coordinator)).toBe(3);
    expect(await readsOn('primary', 'replica_failed')).toBe(1);
    expect(await openOnBoard(coordinator)).toBe(3);
    expect(await readsOn('primary', 'replica_down')).toBe(1);
  });
});
