import { PAGED_LISTS } from '@second-look/contracts';
import { RecordBoardQuery } from '@second-look/contracts/graphql';
import { print } from 'graphql';
import { DataSource } from 'typeorm';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const MARIA = DEMO.cases.maria;
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

describe('records: packet, requests on the legal clock, the coordinator board', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let holderId: string;

  const item = async (kind = 'LABS') =>
    (
      await advocate.ok<{ addPacketItem: { id: string; version: number } }>(`mutation($c: ID!, $k: PacketItemKind!) { addPacketItem(input: { caseId: $c, kind: $k }) { id version } }`, {
        c: MARIA,
        k: kind,
      })
    ).addPacketItem;
  const request = async (itemIds: string[], sentOn = day(-3)) =>
    (
      await advocate.ok<{ createRecordRequest: { id: string; target: { dueOn: string }; legal: { dueOn: string } } }>(
        `mutation($c: ID!, $h: ID!, $i: [ID!]!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: $i, method: FAX, sentOn: $d }) { id target { dueOn } legal { dueOn } } }`,
        { c: MARIA, h: holderId, i: itemIds, d: sentOn },
      )
    ).createRecordRequest;
  const board = async (c: GqlClient, first = 50, filter: Record<string, unknown> = {}) =>
    (
      await c.ok<{ recordBoard: { counts: { open: number; overdue: number; atRisk: number; onTrack: number }; requests: { totalCount: number; nodes: { id: string }[] } } }>(
        `query($f: RecordBoardFilter, $n: Int) { recordBoard(filter: $f, first: $n) { counts { open overdue atRisk onTrack } requests { totalCount nodes { id overall case { patientName leadAdvocate { displayName } } holder { name } items { packetItem { kind } } } } } }`,
        { f: filter, n: first },
      )
    ).recordBoard;

  beforeAll(async () => {
    s = await startTestStack('records');
    advocate = await s.signIn('advocate@harbor.example');
    holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "St. Mary Pathology", fax: "555-0199" }) { id } }`)).createRecordHolder.id;
  });
  afterAll(() => s?.close());

  it('starts a new case with the packet its reasons call for', async () => {
    const r = await advocate.ok<{ createCase: { packet: { kind: string; responsible: string }[] } }>(
      `mutation { createCase(input: { patientName: "New Person", question: "Q", diagnosisInDoubt: "Suspected lymphoma", triggers: [MAJOR_DIAGNOSIS], urgency: URGENT }) { packet { kind responsible } } }`,
    );
    const kinds = r.createCase.packet.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['PATHOLOGY_SLIDES', 'PATHOLOGY_REPORT', 'CLINIC_NOTES', 'MEDICATIONS_ALLERGIES', 'OWN_TIMELINE']));
    expect(r.createCase.packet.find((p) => p.kind === 'MEDICATIONS_ALLERGIES')?.responsible).toBe('PATIENT');
  });

  it('computes the plan target (7 days, urgent) and the legal due date (30 days)', async () => {
    const a = await item();
    const r = await request([a.id], '2026-11-10');
    expect(r.target.dueOn).toBe('2026-11-17');
    expect(r.legal.dueOn).toBe('2026-12-10');
  });

  it('refuses bad dates and a bad extension with clear errors, changing nothing', async () => {
    const a = await item();
    const future = await advocate.gql(
      `mutation($c: ID!, $h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`,
      { c: MARIA, h: holderId, i: a.id, d: day(5) },
    );
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'sentOn' } });
    const notADate = await advocate.gql(
      `mutation($c: ID!, $h: ID!, $i: ID!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: "2026-02-30" }) { id } }`,
      { c: MARIA, h: holderId, i: a.id },
    );
    expect(notADate.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(await s.ds.query(`SELECT count(*)::int AS n FROM record_request_item WHERE packet_item_id = $1`, [a.id])).toEqual([{ n: 0 }]);

    const r = await request([a.id], '2026-11-01');
    const extend = (newDueOn: string, reason = 'Slides are stored off site') =>
      advocate.gql(`mutation($id: ID!, $d: String!, $r: String!) { recordLegalExtension(input: { requestId: $id, newDueOn: $d, reason: $r }) { legal { dueOn } extensionReason } }`, {
        id: r.id,
        d: newDueOn,
        r: reason,
      });
    expect((await extend('2027-01-01')).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' }); // 61 days
    expect((await extend('2026-12-31', '  ')).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'reason' } });
    expect(await s.ds.query(`SELECT legal_due_on::text AS d, extension_reason AS r FROM record_request WHERE id = $1`, [r.id])).toEqual([{ d: '2026-12-01', r: null }]);
    const ok = await extend('2026-12-31'); // exactly 60 days from receipt
    expect(ok.data).toEqual({ recordLegalExtension: { legal: { dueOn: '2026-12-31' }, extensionReason: 'Slides are stored off site' } });
    expect((await extend('2026-12-30')).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED'); // only once
  });

  it('receives part of a request, then the rest; the request leaves the board', async () => {
    const [a, b] = [await item('IMAGING_DISC'), await item('PROCEDURE_REPORT')];
    const r = await request([a.id, b.id]);
    const coordinator = await s.signIn('coordinator@harbor.example');
    expect((await board(coordinator)).requests.nodes.map((n) => n.id)).toContain(r.id);
    const part = await advocate.ok<{ markRecordsReceived: { completedOn: string | null; items: { receivedOn: string | null }[] } }>(
      `mutation($id: ID!, $i: ID!) { markRecordsReceived(input: { requestId: $id, packetItemIds: [$i] }) { completedOn items { receivedOn } } }`,
      { id: r.id, i: a.id },
    );
    expect(part.markRecordsReceived.completedOn).toBeNull();
    expect(part.markRecordsReceived.items.filter((i) => i.receivedOn)).toHaveLength(1);
    expect((await board(coordinator)).requests.nodes.map((n) => n.id)).toContain(r.id);
    const all = await advocate.ok<{ markRecordsReceived: { completedOn: string | null } }>(
      `mutation($id: ID!, $i: ID!) { markRecordsReceived(input: { requestId: $id, packetItemIds: [$i] }) { completedOn } }`,
      { id: r.id, i: b.id },
    );
    expect(all.markRecordsReceived.completedOn).not.toBeNull();
    expect((await board(coordinator)).requests.nodes.map((n) => n.id)).not.toContain(r.id);
    const states = await s.ds.query(`SELECT state FROM packet_item WHERE id = ANY($1)`, [[a.id, b.id]]);
    expect(states).toEqual([{ state: 'RECEIVED' }, { state: 'RECEIVED' }]);
  });

  it('refuses a fee saved over someone else\u2019s, with their amount, and keeps theirs', async () => {
    const r = await request([(await item()).id]);
    const FEE = `mutation($id: ID!, $v: Int!, $f: Int!) { setRecordRequestFee(input: { requestId: $id, expectedVersion: $v, feeCents: $f }) { version feeCents } }`;
    const first = (await advocate.ok<{ setRecordRequestFee: { version: number; feeCents: number } }>(FEE, { id: r.id, v: 1, f: 650 })).setRecordRequestFee;
    expect(first).toEqual({ version: 2, feeCents: 650 });
    const stale = await advocate.gql(FEE, { id: r.id, v: 1, f: 2500 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2, current: { feeCents: 650 } } });
    const now = await advocate.ok<{ recordRequest: { feeCents: number; version: number } }>(`query($id: ID!) { recordRequest(id: $id) { feeCents version } }`, { id: r.id });
    expect(now.recordRequest).toEqual({ feeCents: 650, version: 2 });
    expect((await advocate.ok<{ setRecordRequestFee: { feeCents: number } }>(FEE, { id: r.id, v: 2, f: 2500 })).setRecordRequestFee.feeCents).toBe(2500);
  });

  it('counts the board by status and filters by it', async () => {
    const coordinator = await s.signIn('coordinator@harbor.example');
    await request([(await item()).id], day(-40)); // past the legal 30 days
    const all = await board(coordinator);
    expect(all.counts.open).toBe(all.counts.overdue + all.counts.atRisk + all.counts.onTrack);
    const overdue = await board(coordinator, 50, { status: 'OVERDUE' });
    expect(overdue.requests.totalCount).toBe(all.counts.overdue);
    expect(overdue.requests.nodes.every((n) => (n as unknown as { overall: string }).overall === 'OVERDUE')).toBe(true);
  });

  it('runs the same number of SQL statements for a board page of 2 and of 50', async () => {
    for (let i = 0; i < 8; i++) await request([(await item()).id]);
    const coordinator = await s.signIn('coordinator@harbor.example');
    const count = async (first: number) => {
      let n = 0;
      // The API's own DataSource (s.ds is the owner's, for set-up).
      const api = s.app.get(DataSource);
      const original = api.driver.createQueryRunner.bind(api.driver);
      const counting = (mode: 'master' | 'slave') => {
        const qr = original(mode);
        const q = qr.query.bind(qr);
        qr.query = ((...args: Parameters<typeof q>) => {
          n++;
          return q(...args);
        }) as typeof qr.query;
        return qr;
      };
      api.driver.createQueryRunner = counting;
      try {
        await board(coordinator, first);
      } finally {
        api.driver.createQueryRunner = original;
      }
      return n;
    };
    const small = await count(2);
    const large = await count(50);
    // Session (with the org's time zone, for "today"), counts, holder groups (with their
    // holders), the page (with every relation a row shows), one audit insert: nothing per
    // row or per relation.
    expect(small).toBe(5);
    expect(large).toBe(small);
  });

  it('answers a board row exactly as the same request answers through its own resolvers', async () => {
    const [a, b] = [await item('LABS'), await item('CLINIC_NOTES')];
    const own = (
      await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Lakeside Clinic", department: "Records", email: "records@lakeside.example" }) { id } }`)
    ).createRecordHolder.id;
    const r = (
      await advocate.ok<{ createRecordRequest: { id: string } }>(
        `mutation($c: ID!, $h: ID!, $i: [ID!]!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: $i, method: EMAIL, sentOn: $d }) { id } }`,
        { c: MARIA, h: own, i: [a.id, b.id], d: day(-12) },
      )
    ).createRecordRequest;
    await advocate.ok(`mutation($id: ID!) { logRecordFollowUp(input: { requestId: $id, channel: CALL, outcome: "Spoke to the records desk" }) { id } }`, { id: r.id });
    await advocate.ok(`mutation($id: ID!, $i: ID!) { markRecordsReceived(input: { requestId: $id, packetItemIds: [$i] }) { id } }`, { id: r.id, i: a.id });
    const fields = `id method sentOn holderReceivedOn originalLegalDueOn extensionReason extensionRecordedOn letter feeCents completedOn version createdAt
      ageDays overall target { dueOn status daysLeft } legal { dueOn status daysLeft } holder { id name department phone fax email portalUrl address }
      items { receivedOn packetItem { id kind title state version staffNotes createdAt updatedAt allowedStateMoves holder { id } } }
      followUps { id channel outcome at by { id displayName email role } }
      case { id patientName urgency preferredLanguage stage version createdAt updatedAt allowedStageMoves leadAdvocate { id displayName email role } }`;
    const coordinator = await s.signIn('coordinator@harbor.example');
    const { recordBoard } = await coordinator.ok<{ recordBoard: { requests: { nodes: { id: string; items: { packetItem: { id: string } }[] }[] } } }>(
      `query { recordBoard(filter: { holderId: "${own}" }, first: 5) { requests { nodes { ${fields} } } } }`,
    );
    const onBoard = recordBoard.requests.nodes.find((n) => n.id === r.id);
    const { recordRequest } = await coordinator.ok<{ recordRequest: { items: { packetItem: { id: string } }[] } }>(`query($id: ID!) { recordRequest(id: $id) { ${fields} } }`, { id: r.id });
    const byItem = (x: { items: { packetItem: { id: string } }[] }) => ({ ...x, items: [...x.items].sort((p, q) => p.packetItem.id.localeCompare(q.packetItem.id)) });
    expect(onBoard).toBeDefined();
    expect(byItem(onBoard as typeof recordRequest)).toEqual(byItem(recordRequest));
    expect(recordRequest).toMatchObject({ case: { leadAdvocate: { displayName: expect.any(String) } }, followUps: [{ outcome: 'Spoke to the records desk', by: { id: expect.any(String) } }] });

    // The web client's own board query reads only what a row shows (smaller relation rows):
    // every field it gets is the same as the request's own resolvers answer.
    const web = await coordinator.ok<{ recordBoard: { byHolder: { holder: { id: string } }[]; requests: { nodes: { id: string; items: { packetItem: { id: string } }[] }[] } } }>(
      print(RecordBoardQuery),
      {
        filter: { holderId: own },
        sort: 'LEGAL_DUE_ON',
        first: 5,
      },
    );
    const webRow = web.recordBoard.requests.nodes.find((n) => n.id === r.id);
    expect(webRow).toBeDefined();
    expect(webRow).toMatchObject({ holder: { name: 'Lakeside Clinic' }, items: [{ packetItem: { kind: expect.any(String) } }, { packetItem: { kind: expect.any(String) } }] });
    expect(byItem(recordRequest)).toMatchObject(byItem(webRow as typeof recordRequest));
    expect(web.recordBoard.byHolder).toEqual([
      { open: 1, atRisk: expect.any(Number), overdue: expect.any(Number), oldestSentOn: day(-12), holder: { id: own, name: 'Lakeside Clinic', department: 'Records' } },
    ]);
  });

  it('filters the board by lead advocate and urgency, and pages with the cursor without gaps or repeats', async () => {
    const coordinator = await s.signIn('coordinator@harbor.example');
    for (let i = 0; i < 3; i++) await request([(await item()).id], day(-1 - i));
    type Page = {
      recordBoard: {
        requests: { totalCount: number; nodes: { id: string; case: { urgency: string; leadAdvocate: { id: string } | null } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      };
    };
    const page = (filter: Record<string, unknown>, first: number, after: string | null = null) =>
      coordinator.ok<Page>(
        `query($f: RecordBoardFilter, $n: Int!, $a: String) { recordBoard(filter: $f, first: $n, after: $a, sort: PLAN_TARGET_ON) { requests { totalCount nodes { id case { urgency leadAdvocate { id } } } pageInfo { endCursor hasNextPage } } } }`,
        { f: filter, n: first, a: after },
      );
    // The board's largest page holds every request of this test's organization.
    const ALL = PAGED_LISTS['Query.recordBoard'].max;
    const everything = (await page({}, ALL)).recordBoard.requests;
    expect(everything.nodes.length).toBeLessThan(ALL);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const p: Page = await page({}, 2, after);
      seen.push(...p.recordBoard.requests.nodes.map((n) => n.id));
      after = p.recordBoard.requests.pageInfo.hasNextPage ? p.recordBoard.requests.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(everything.nodes.map((n) => n.id));
    const lead = everything.nodes.find((n) => n.case.leadAdvocate)?.case.leadAdvocate?.id as string;
    const byLead = (await page({ leadAdvocateId: lead }, ALL)).recordBoard.requests;
    expect(byLead.nodes.length).toBeGreaterThan(0);
    expect(byLead.nodes.every((n) => n.case.leadAdvocate?.id === lead)).toBe(true);
    const urgent = (await page({ urgency: 'URGENT' }, ALL)).recordBoard.requests;
    expect(urgent.nodes.every((n) => n.case.urgency === 'URGENT')).toBe(true);
    expect(urgent.nodes.length + (await page({ urgency: 'ROUTINE' }, ALL)).recordBoard.requests.nodes.length).toBe(everything.nodes.length);
    const bad = await coordinator.gql(`query { recordBoard(after: "not-a-cursor") { counts { open } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'after' } });
  });

  it('lets the patient send a request: to a holder of the directory, or a new one saved with it', async () => {
    const patient = await s.signIn('patient@harbor.example');
    const { recordHolders } = await patient.ok<{ recordHolders: { id: string; name: string; fax: string }[] }>(`query { recordHolders { id name fax } }`);
    expect(recordHolders).toEqual(expect.arrayContaining([{ id: holderId, name: 'St. Mary Pathology', fax: '555-0199' }]));
    const mine = async () => (await patient.ok<{ addPacketItem: { id: string } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: LABS }) { id } }`, { c: MARIA })).addPacketItem.id;
    const send = (c: GqlClient, holder: Record<string, unknown>, itemId: string) =>
      c.gql<{ createRecordRequest: { id: string; holder: { id: string; name: string }; items: { packetItem: { id: string; staffNotes: string | null } }[] } }>(
        `mutation($input: CreateRecordRequestInput!) { createRecordRequest(input: $input) { id holder { id name } items { packetItem { id staffNotes } } } }`,
        { input: { caseId: MARIA, packetItemIds: [itemId], method: 'PORTAL', sentOn: day(-1), ...holder } },
      );
    const item = await mine();
    await advocate.ok(`mutation($id: ID!) { updatePacketItem(input: { id: $id, expectedVersion: 1, staffNotes: "Call Dr. R first" }) { id } }`, { id: item });
    const known = await send(patient, { holderId }, item);
    expect(known.errors).toBeUndefined();
    expect(known.data?.createRecordRequest).toMatchObject({ holder: { id: holderId }, items: [{ packetItem: { id: item, staffNotes: null } }] });

    const audited = async (action: string, entityId: string) =>
      (
        await s.ds.query(`SELECT count(*)::int AS n FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id WHERE e.action = $1 AND e.entity_id = $2 AND u.email = 'patient@harbor.example'`, [
          action,
          entityId,
        ])
      )[0].n;
    const fresh = await send(patient, { newHolder: { name: 'Riverside Family Practice', phone: '555-0142', email: 'records@riverside.example' } }, await mine());
    expect(fresh.errors).toBeUndefined();
    const made = fresh.data?.createRecordRequest as { id: string; holder: { id: string; name: string } };
    expect(made.holder.name).toBe('Riverside Family Practice');
    expect(await audited('record_holder.create', made.holder.id)).toBe(1);
    expect(await audited('record_request.create', made.id)).toBe(1);
    const coordinator = await s.signIn('coordinator@harbor.example');
    const directory = (await coordinator.ok<{ recordHolders: { id: string }[] }>(`query { recordHolders(search: "Riverside") { id } }`)).recordHolders;
    expect(directory.map((h) => h.id)).toContain(made.holder.id);

    // Neither or both, a caregiver without edit rights, another patient: refused, and no stray holder.
    const holders = async () => (await s.ds.query(`SELECT count(*)::int AS n FROM record_holder WHERE name = 'Brookside Labs'`))[0].n;
    const brookside = { newHolder: { name: 'Brookside Labs' } };
    expect((await send(patient, { holderId, ...brookside }, await mine())).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'holderId' } });
    expect((await send(patient, {}, await mine())).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'holderId' } });
    expect((await send(patient, { newHolder: { name: '  ' } }, await mine())).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect((await send(await s.signIn('caregiver@harbor.example'), brookside, await mine())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await send(await s.signIn('patient2@harbor.example'), brookside, await mine())).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await send(patient, { ...brookside }, '00000000-0000-4000-8000-000000000000')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await holders()).toBe(0);
    // Adding to the directory by itself stays with staff.
    expect((await patient.gql(`mutation { createRecordHolder(input: { name: "Brookside Labs" }) { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a caregiver the patient gave edit rights send a request too', async () => {
    const caregiverId = (await s.ds.query(`SELECT id FROM app_user WHERE email = 'caregiver@harbor.example'`))[0].id;
    const [{ access }] = await s.ds.query(`SELECT access FROM case_participant WHERE case_id = $1 AND user_id = $2`, [MARIA, caregiverId]);
    await s.ds.query(`UPDATE case_participant SET access = 'EDIT' WHERE case_id = $1 AND user_id = $2`, [MARIA, caregiverId]);
    try {
      const caregiver = await s.signIn('caregiver@harbor.example');
      const itemId = (await caregiver.ok<{ addPacketItem: { id: string } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: IMAGING_DISC }) { id } }`, { c: MARIA })).addPacketItem.id;
      const r = await caregiver.ok<{ createRecordRequest: { holder: { name: string } } }>(
        `mutation($c: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: $c, newHolder: { name: "Northside Imaging" }, packetItemIds: [$i], method: MAIL, sentOn: $d }) { holder { name } } }`,
        { c: MARIA, i: itemId, d: day(-2) },
      );
      expect(r.createRecordRequest.holder.name).toBe('Northside Imaging');
    } finally {
      await s.ds.query(`UPDATE case_participant SET access = $3 WHERE case_id = $1 AND user_id = $2`, [MARIA, caregiverId, access]);
    }
  });

  it('keeps staff notes from patients and lets the patient add and edit items', async () => {
    const a = await item();
    await advocate.ok(`mutation($id: ID!, $v: Int!) { updatePacketItem(input: { id: $id, expectedVersion: $v, staffNotes: "Ask for the supervisor" }) { id } }`, { id: a.id, v: a.version });
    const patient = await s.signIn('patient@harbor.example');
    const seen = await patient.ok<{ case: { packet: { id: string; staffNotes: string | null }[] } }>(`query($c: ID!) { case(id: $c) { packet { id staffNotes } } }`, { c: MARIA });
    expect(seen.case.packet.find((p) => p.id === a.id)?.staffNotes).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('supervisor');
    const refused = await patient.gql(`mutation($id: ID!) { updatePacketItem(input: { id: $id, expectedVersion: 2, staffNotes: "x" }) { id } }`, { id: a.id });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await patient.ok<{ addPacketItem: { kind: string } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: MEDICATIONS_ALLERGIES, responsible: PATIENT }) { kind } }`, {
      c: MARIA,
    });
    expect(mine.addPacketItem.kind).toBe('MEDICATIONS_ALLERGIES');
    const stale = await patient.gql(`mutation($id: ID!) { updatePacketItem(input: { id: $id, expectedVersion: 1, notes: "late" }) { id } }`, { id: a.id });
    expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');
  });

  it('refuses a packet state move the rules do not allow', async () => {
    const a = await item();
    const r = await advocate.gql(`mutation($id: ID!) { updatePacketItem(input: { id: $id, expectedVersion: 1, state: SENT_TO_PROVIDER }) { id } }`, { id: a.id });
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });
});
