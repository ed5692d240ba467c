import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueName } from '@second-look/contracts';
import { OutboxRelay } from '@second-look/server-jobs';
import { SendRecordRequestReminderJob } from '@second-look/server-notifications';
import { Queue } from 'bullmq';
import { WorkerModule } from '../../worker/src/worker.module';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/**
 * Undo cancels: when a change is undone (records received, the legal date moved, the case
 * closed) the pending delayed jobs leave Redis in the same transaction's outbox, and a job that
 * was already running finds it no longer applies. Reopening the case schedules them again.
 */
const DAVID = DEMO.cases.david;
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date(Date.now() + offset * 86400000));

describe('undoing a change cancels its pending jobs', () => {
  let s: TestStack;
  let worker: INestApplicationContext;
  let advocate: GqlClient;
  let holderId: string;
  const reminders = () => worker.get<Queue>(getQueueToken(QueueName.REMINDERS), { strict: false });
  /** The reminder jobs of a request waiting in Redis, after the relay has moved everything committed. */
  const pending = async (requestId: string) => {
    await worker.get(OutboxRelay).drainAll();
    const jobs = await reminders().getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs
      .map((j) => j.id!)
      .filter((id) => id.startsWith(`record-reminder.${requestId}.`))
      .sort();
  };
  const newRequest = async () => {
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${DAVID}", kind: IMAGING_DISC }) { id } }`)).addPacketItem;
    const r = await advocate.ok<{ createRecordRequest: { id: string } }>(
      `mutation($h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: "${DAVID}", holderId: $h, packetItemIds: [$i], method: PORTAL, sentOn: $d }) { id } }`,
      { h: holderId, i: item.id, d: day(0) },
    );
    return { id: r.createRecordRequest.id, itemId: item.id };
  };

  beforeAll(async () => {
    s = await startTestStack('jobs-undo', { mail: true });
    process.env.OUTBOX_RELAY = 'off';
    process.env.RECONCILE_ON_START = 'off';
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(s.config), { logger: false });
    delete process.env.OUTBOX_RELAY;
    delete process.env.RECONCILE_ON_START;
    advocate = await s.signIn('advocate@harbor.example');
    holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Bayview Orthopedics" }) { id } }`)).createRecordHolder.id;
  });
  afterAll(async () => {
    await worker?.close();
    await s?.close();
  });

  it('records received: every pending reminder is removed, and one already running does nothing', async () => {
    const r = await newRequest();
    const before = await pending(r.id);
    expect(before.length).toBeGreaterThanOrEqual(5);
    const [kindOf] = await s.ds.query(`SELECT payload FROM outbox_message WHERE job_id = $1`, [before[0]]);
    await advocate.ok(`mutation($id: ID!, $i: ID!) { markRecordsReceived(input: { requestId: $id, packetItemIds: [$i] }) { id completedOn } }`, { id: r.id, i: r.itemId });
    expect(await pending(r.id)).toEqual([]);
    expect(await worker.get(SendRecordRequestReminderJob).run(kindOf.payload)).toBe('no-longer-applies');
    expect(await s.ds.query(`SELECT count(*)::int AS n FROM job_effect WHERE key LIKE $1`, [`record-reminder.${r.id}.%`])).toEqual([{ n: 0 }]);
  });

  it('legal date extended: the old legal reminders go, the new dates’ come', async () => {
    const r = await newRequest();
    const before = await pending(r.id);
    const newDue = day(50);
    await advocate.ok(`mutation($id: ID!, $d: String!) { recordLegalExtension(input: { requestId: $id, newDueOn: $d, reason: "Records in off-site storage" }) { id } }`, { id: r.id, d: newDue });
    const after = await pending(r.id);
    expect(after).toContain(`record-reminder.${r.id}.LEGAL_DUE.${newDue}`);
    const oldLegal = before.filter((id) => id.includes('.LEGAL_'));
    expect(oldLegal.length).toBeGreaterThan(0);
    expect(after.filter((id) => oldLegal.includes(id))).toEqual([]);
    // The plan target did not move: its reminders are still the same jobs.
    expect(after.filter((id) => id.includes('.TARGET_'))).toEqual(before.filter((id) => id.includes('.TARGET_')));
  });

  it('case closed: its requests’ reminders are removed; reopened: scheduled again', async () => {
    const r = await newRequest();
    const before = await pending(r.id);
    expect(before.length).toBeGreaterThan(0);
    const admin = await s.signIn('admin@harbor.example');
    await admin.ok(`mutation($id: ID!) { moveCaseStage(input: { caseId: $id, to: CLOSED }) { id stage } }`, { id: DAVID });
    expect(await pending(r.id)).toEqual([]);
    await admin.ok(`mutation($id: ID!) { moveCaseStage(input: { caseId: $id, to: CLOSE_THE_LOOP }) { id stage } }`, { id: DAVID });
    expect(await pending(r.id)).toEqual(before);
  });

  it('a refused closing cancels nothing', async () => {
    const r = await newRequest();
    const before = await pending(r.id);
    const outsider = await s.signIn('admin@northstar.example');
    const refused = await outsider.gql(`mutation($id: ID!) { moveCaseStage(input: { caseId: $id, to: CLOSED }) { id } }`, { id: DAVID });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await pending(r.id)).toEqual(before);
  });
});
