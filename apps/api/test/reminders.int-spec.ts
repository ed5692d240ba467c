import { QueueName } from '@second-look/contracts';
import { SendRecordRequestReminderJob } from '@second-look/server-notifications';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const MARIA = DEMO.cases.maria;
/** A calendar date in Harbor's zone (America/Chicago), as the product counts them. */
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date(Date.now() + offset * 86400000));

describe('record request reminders and in-app notifications', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let holderId: string;

  const newRequest = async (sentOn: string) => {
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: LABS }) { id } }`)).addPacketItem;
    return (
      await advocate.ok<{ createRecordRequest: { id: string; legal: { dueOn: string } } }>(
        `mutation($h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: "${MARIA}", holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id legal { dueOn } } }`,
        { h: holderId, i: item.id, d: sentOn },
      )
    ).createRecordRequest;
  };
  // In the order they come, then by the day each is for: a reminder whose day falls on a weekend
  // is sent on the next working morning, which can be the morning of the next one (a Saturday
  // legal date's reminder and the Sunday escalation both come on the Monday).
  const outboxFor = (requestId: string) =>
    s.ds.query(`SELECT job_id, payload, available_at FROM outbox_message WHERE queue = $1 AND payload->>'requestId' = $2 ORDER BY available_at, payload->>'on'`, [
      QueueName.REMINDERS,
      requestId,
    ]) as Promise<{ job_id: string; payload: { requestId: string; kind: string; on: string }; available_at: Date }[]>;

  beforeAll(async () => {
    s = await startTestStack('reminders', { worker: true });
    advocate = await s.signIn('advocate@harbor.example');
    holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "County Hospital HIM" }) { id } }`)).createRecordHolder.id;
  });
  afterAll(() => s?.close());

  it('schedules each reminder once, at 09:00 on a working day in the organization’s time zone, in the same transaction as the request', async () => {
    const r = await newRequest(day(0));
    const rows = await outboxFor(r.id);
    // Maria's case is urgent (target +7); default reminder days 7, 14, 25, 30, where 7, 25 and 30 share a day with a target or legal reminder.
    expect(rows.map((x) => x.payload.kind)).toEqual(['TARGET_SOON', 'TARGET_DUE', 'SENT_DAY', 'LEGAL_SOON', 'LEGAL_DUE', 'LEGAL_OVERDUE']);
    for (const row of rows) {
      const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(row.available_at);
      expect(local).toBe('09:00');
      expect(row.job_id).toBe(`record-reminder.${r.id}.${row.payload.kind}.${row.payload.on}`);
    }
  });

  it('notifies the lead advocate once however often the job runs, escalates to coordinators past the legal date, and stops when done', async () => {
    const r = await newRequest(day(-3));
    const rows = await outboxFor(r.id);
    const job = s.worker!.get(SendRecordRequestReminderJob);
    const due = rows.find((x) => x.payload.kind === 'LEGAL_DUE')!.payload;
    expect(await job.run(due)).toBe('sent');
    expect(await job.run(due)).toBe('already-sent');
    const mine = await s.ds.query(`SELECT user_id, kind FROM notification WHERE record_request_id = $1`, [r.id]);
    expect(mine).toEqual([{ user_id: DEMO.users.harborAdvocate, kind: 'record_request.LEGAL_DUE' }]);

    const overdue = rows.find((x) => x.payload.kind === 'LEGAL_OVERDUE')!.payload;
    await job.run(overdue);
    const escalated = await s.ds.query(`SELECT user_id FROM notification WHERE record_request_id = $1 AND kind = 'record_request.LEGAL_OVERDUE' ORDER BY user_id`, [r.id]);
    expect(escalated.map((x: { user_id: string }) => x.user_id).sort()).toEqual([DEMO.users.harborCoordinator, DEMO.users.harborAdvocate].sort());

    // An extension moves the legal date: the old legal reminders no longer apply, new ones are scheduled.
    const newDue = day(45);
    await advocate.ok(`mutation($id: ID!, $d: String!) { recordLegalExtension(input: { requestId: $id, newDueOn: $d, reason: "Off-site storage" }) { id } }`, { id: r.id, d: newDue });
    const soon = rows.find((x) => x.payload.kind === 'LEGAL_SOON')!.payload;
    expect(await job.run(soon)).toBe('no-longer-applies');
    expect((await outboxFor(r.id)).some((x) => x.payload.kind === 'LEGAL_DUE' && x.payload.on === newDue)).toBe(true);

    const items = await s.ds.query(`SELECT packet_item_id FROM record_request_item WHERE request_id = $1`, [r.id]);
    await advocate.ok(`mutation($id: ID!, $i: ID!) { markRecordsReceived(input: { requestId: $id, packetItemIds: [$i] }) { id } }`, { id: r.id, i: items[0].packet_item_id });
    const target = rows.find((x) => x.payload.kind === 'TARGET_DUE')!.payload;
    expect(await job.run(target)).toBe('no-longer-applies');
  });

  it('delivers a reminder due now through the relay and the worker, and the advocate reads and clears it', async () => {
    // Sent 7 days ago on an urgent case: the plan target is today, so TARGET_DUE is due at once (after 09:00).
    const r = await newRequest(day(-7));
    const deadline = Date.now() + 15000;
    type Page = { nodes: { kind: string; recordRequestId: string; id: string }[]; unreadCount: number };
    let n: Page | null = null;
    while (Date.now() < deadline) {
      n = (await advocate.ok<{ notifications: Page }>(`{ notifications(first: 50) { unreadCount nodes { id kind recordRequestId } } }`)).notifications;
      if (n.nodes.some((x) => x.recordRequestId === r.id)) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'short' }).format(new Date());
    // Reminders fire in working hours (default 09:00–17:00, Monday to Friday).
    if (hour >= 9 && hour < 17 && !['Sat', 'Sun'].includes(weekday)) {
      expect(n!.nodes.find((x) => x.recordRequestId === r.id)?.kind).toBe('record_request.TARGET_DUE');
      expect(n!.unreadCount).toBeGreaterThan(0);
      const patient = await s.signIn('patient@harbor.example');
      // Someone else's ids are not theirs to clear.
      expect((await patient.ok<{ markNotificationsRead: number }>(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: n!.nodes.map((x) => x.id) })).markNotificationsRead).toBe(0);
      await advocate.ok(`mutation { markNotificationsRead }`);
      expect((await advocate.ok<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`)).unreadNotificationCount).toBe(0);
    } else {
      // Outside working hours in Chicago the reminder waits in BullMQ as a delayed job, as it should.
      expect(n!.nodes.some((x) => x.recordRequestId === r.id)).toBe(false);
    }
  });
});
