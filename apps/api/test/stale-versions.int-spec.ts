import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, GqlResult, startTestStack, TestStack } from './support/test-stack';

/**
 * No lost updates on versioned fields. Every save names the version it was based on; a save
 * based on anything but the current version is refused (STALE_VERSION, with the value saved
 * now) and changes nothing. So writers that read, change and save with the version they read
 * never overwrite each other: the final value accounts for every accepted write.
 */
const MARIA = DEMO.cases.maria;
const CASE = `query($id: ID!) { case(id: $id) { version summary } }`;
const UPDATE_CASE = `mutation($id: ID!, $v: Int!, $s: String!) { updateCase(input: { id: $id, expectedVersion: $v, summary: $s }) { version summary } }`;
const UPDATE_ITEM = `mutation($id: ID!, $v: Int!, $t: String!) { updatePacketItem(input: { id: $id, expectedVersion: $v, title: $t }) { version title } }`;
const SET_RECEIVED = `mutation($id: ID!, $v: Int!, $d: String!) { setRecordRequestHolderReceivedOn(input: { requestId: $id, expectedVersion: $v, holderReceivedOn: $d }) { version holderReceivedOn } }`;
const REQUEST = `query($id: ID!) { recordRequest(id: $id) { version holderReceivedOn legal { dueOn } } }`;

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/** Runs `n` tasks with at most `width` in flight. */
async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

describe('stale versions', () => {
  let stack: TestStack;
  let advocate: GqlClient;
  let patient: GqlClient;
  let coordinator: GqlClient;
  let itemId = '';
  let requestId = '';

  beforeAll(async () => {
    stack = await startTestStack('stale-versions');
    [advocate, patient, coordinator] = await Promise.all(['advocate@harbor.example', 'patient@harbor.example', 'coordinator@harbor.example'].map((e) => stack.signIn(e)));
    const holder = await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Riverside Pathology", fax: "555-0101" }) { id } }`);
    const item = await advocate.ok<{ addPacketItem: { id: string } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: LABS, title: "0" }) { id } }`, { c: MARIA });
    itemId = item.addPacketItem.id;
    const request = await advocate.ok<{ createRecordRequest: { id: string } }>(
      `mutation($c: ID!, $h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`,
      { c: MARIA, h: holder.createRecordHolder.id, i: itemId, d: day(-10) },
    );
    requestId = request.createRecordRequest.id;
  }, 60_000);
  afterAll(() => stack?.close());

  it('refuses 1,000 saves based on stale versions, each with the value saved now, and changes nothing', async () => {
    // Move everything one version on, so version - 1 (and older) is stale.
    const kase = (await advocate.ok<{ case: { version: number } }>(CASE, { id: MARIA })).case;
    const cur = (await advocate.ok<{ updateCase: { version: number; summary: string } }>(UPDATE_CASE, { id: MARIA, v: kase.version, s: 'kept summary' })).updateCase;
    const itemVersion = (await stack.ds.query(`SELECT version FROM packet_item WHERE id = $1`, [itemId]))[0].version as number;
    const item = (await advocate.ok<{ updatePacketItem: { version: number } }>(UPDATE_ITEM, { id: itemId, v: itemVersion, t: 'kept title' })).updatePacketItem;
    const reqBefore = (await advocate.ok<{ recordRequest: { version: number } }>(REQUEST, { id: requestId })).recordRequest;
    const req = (await advocate.ok<{ setRecordRequestHolderReceivedOn: { version: number; holderReceivedOn: string } }>(SET_RECEIVED, { id: requestId, v: reqBefore.version, d: day(-9) }))
      .setRecordRequestHolderReceivedOn;
    const auditBefore = Number((await stack.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action IN ('case.update', 'packet_item.update', 'record_request.holder_received')`))[0].n);

    const writers = [advocate, patient, coordinator];
    const results = await pool(1000, 25, async (i) => {
      const who = writers[i % writers.length];
      // Anything but the current version: an older one (read before someone saved) or, from a confused client, a later one.
      const stale = (v: number) => (Math.floor(i / 3) % 2 === 0 && v > 1 ? v - 1 - (i % Math.min(3, v - 1)) : v + 1 + (i % 4));
      switch (i % 3) {
        case 0:
          return { kind: 'case', r: await who.gql(UPDATE_CASE, { id: MARIA, v: stale(cur.version), s: `lost ${i}` }) };
        case 1:
          return { kind: 'item', r: await who.gql(UPDATE_ITEM, { id: itemId, v: stale(item.version), t: `lost ${i}` }) };
        default:
          return { kind: 'request', r: await who.gql(SET_RECEIVED, { id: requestId, v: stale(req.version), d: day(-8) }) };
      }
    });

    expect(results).toHaveLength(1000);
    const refused = results.filter(({ r }) => code(r) === 'STALE_VERSION');
    expect(refused).toHaveLength(1000);
    // Each refusal carries the version and the value saved now, so the screen can show it.
    for (const { kind, r } of results) {
      const details = r.errors?.[0]?.extensions?.details as { currentVersion: number; current: Record<string, unknown> };
      if (kind === 'case') expect(details).toEqual({ currentVersion: cur.version, current: { summary: 'kept summary' } });
      if (kind === 'item') expect(details).toMatchObject({ currentVersion: item.version, current: { title: 'kept title' } });
      if (kind === 'request') expect(details).toMatchObject({ currentVersion: req.version, current: { holderReceivedOn: day(-9) } });
    }
    expect((await advocate.ok<{ case: { version: number; summary: string } }>(CASE, { id: MARIA })).case).toEqual({ version: cur.version, summary: 'kept summary' });
    expect((await stack.ds.query(`SELECT version, title FROM packet_item WHERE id = $1`, [itemId]))[0]).toEqual({ version: item.version, title: 'kept title' });
    expect((await advocate.ok<{ recordRequest: { version: number; holderReceivedOn: string } }>(REQUEST, { id: requestId })).recordRequest).toMatchObject({
      version: req.version,
      holderReceivedOn: day(-9),
    });
    const auditAfter = Number((await stack.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action IN ('case.update', 'packet_item.update', 'record_request.holder_received')`))[0].n);
    expect(auditAfter).toBe(auditBefore);
  }, 120_000);

  it('loses no accepted write: concurrent read-modify-write savers end on exactly the count of accepted saves', async () => {
    const start = (await advocate.ok<{ case: { version: number } }>(CASE, { id: MARIA })).case;
    await advocate.ok(UPDATE_CASE, { id: MARIA, v: start.version, s: '0' });
    const perWriter = 15;
    const clients = [advocate, patient, coordinator, await stack.signIn('admin@harbor.example'), await stack.signIn('advocate@harbor.example'), await stack.signIn('patient@harbor.example')];
    let accepted = 0;
    let refused = 0;
    await Promise.all(
      clients.map(async (c) => {
        for (let done = 0; done < perWriter;) {
          const now = (await c.ok<{ case: { version: number; summary: string } }>(CASE, { id: MARIA })).case;
          const r = await c.gql(UPDATE_CASE, { id: MARIA, v: now.version, s: String(Number(now.summary) + 1) });
          if (code(r) === 'STALE_VERSION') {
            refused++;
            continue;
          }
          expect(r.errors).toBeUndefined();
          accepted++;
          done++;
        }
      }),
    );
    const end = (await advocate.ok<{ case: { version: number; summary: string } }>(CASE, { id: MARIA })).case;
    expect(accepted).toBe(clients.length * perWriter);
    // Every accepted save incremented what the one before it saved: none was overwritten.
    expect(Number(end.summary)).toBe(accepted);
    expect(end.version).toBe(start.version + 1 + accepted);
    // The race was real: some savers lost it and had to read again.
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
