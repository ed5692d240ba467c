import { QueueName } from '@second-look/contracts';
import { CalendarDate } from '@second-look/domain';
import { DevClockService } from '@second-look/server-jobs';
import { SendTaskReminderJob } from '@second-look/server-notifications';
import { Clock } from '@second-look/server-platform';
import { DEMO } from '../src/seed/demo-seed';
import { LiveClient } from './support/live-client';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/**
 * Tasks and My day (docs/domain.md, "Tasks" and "My day") against the real API and worker,
 * PostgreSQL and Redis: the scope and audit of every read and write, the live event, the
 * reminder delivered once through the outbox and the job ledger, and the staff member's day.
 */
const MARIA = DEMO.cases.maria;
const DAVID = DEMO.cases.david;
const ZONE = 'America/Chicago';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
jest.setTimeout(120_000);

type Task = {
  id: string;
  title: string;
  internal: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  dueOn: string | null;
  dueState: string;
  doneAt: string | null;
  doneByName: string | null;
  version: number;
};
const TASK = 'id title internal assigneeId assigneeName dueOn dueState doneAt doneByName version';
type Item = {
  key: string;
  kind: string;
  urgency: string;
  caseId: string;
  taskId: string | null;
  recordRequestId: string | null;
  outstandingItemIds: string[];
  notificationId: string | null;
  leadAdvocateName: string | null;
};

describe('tasks and my day', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let patient: GqlClient;
  let caregiver: GqlClient;
  let coordinator: GqlClient;

  const clock = () => s.app.get(Clock);
  const dateAt = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(ms)) as CalendarDate;
  const inDays = (n: number) => dateAt(clock().now().getTime() + n * 86_400_000);
  const tasksOf = async (c: GqlClient, id = MARIA) => (await c.ok<{ case: { tasks: Task[] } }>(`query($id: ID!) { case(id: $id) { tasks { ${TASK} } } }`, { id })).case.tasks;
  const add = async (input: Record<string, unknown>, by: GqlClient = advocate) =>
    (await by.ok<{ addCaseTask: Task }>(`mutation($input: AddCaseTaskInput!) { addCaseTask(input: $input) { ${TASK} } }`, { input: { caseId: MARIA, ...input } })).addCaseTask;
  const tick = (c: GqlClient, id: string, done = true) =>
    c.gql<{ setCaseTaskDone: Task }>(`mutation($id: ID!, $d: Boolean!) { setCaseTaskDone(input: { id: $id, done: $d }) { ${TASK} } }`, { id, d: done });
  const myDay = async (c: GqlClient, advocateId?: string) =>
    (
      await c.ok<{ myDay: { items: Item[]; overdueCount: number } }>(
        `query($a: ID) { myDay(advocateId: $a) { overdueCount items { key kind urgency caseId taskId recordRequestId outstandingItemIds notificationId leadAdvocateName } } }`,
        { a: advocateId ?? null },
      )
    ).myDay;
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(150)) {
      const v = await probe();
      if (v) return v;
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    s = await startTestStack('tasks', { worker: true, env: { DEV_CLOCK: 'true' } });
    [advocate, patient, caregiver, coordinator] = await Promise.all(['advocate', 'patient', 'caregiver', 'coordinator'].map((who) => s.signIn(`${who}@harbor.example`)));
  });
  afterAll(() => s?.close());

  it('staff give tasks; the patient sees only the shared ones and ticks hers, with who and when; all audited', async () => {
    const shared = await add({ title: 'Ask Lakeview for the MRI disc', assigneeId: DEMO.users.harborPatient, dueOn: inDays(3) });
    const internal = await add({ title: 'Call the insurer about the referral', internal: true, dueOn: inDays(1) });
    expect(shared).toMatchObject({ assigneeName: 'Maria Lopez', internal: false, dueState: 'DUE_SOON', doneAt: null });

    const mine = await tasksOf(patient);
    expect(mine.map((t) => t.id)).toContain(shared.id);
    expect(mine.map((t) => t.id)).not.toContain(internal.id);
    expect((await tasksOf(advocate)).map((t) => t.id)).toEqual(expect.arrayContaining([shared.id, internal.id]));

    // Internal or someone else's tasks cannot be ticked by the patient's side: an internal one does not even exist for them.
    expect((await tick(patient, internal.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await tick(caregiver, shared.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nor can she write tasks, or give one to someone outside the case, or make hers staff only.
    expect((await patient.gql(`mutation { addCaseTask(input: { caseId: "${MARIA}", title: "x" }) { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await advocate.gql(`mutation { addCaseTask(input: { caseId: "${MARIA}", title: "x", assigneeId: "${DEMO.users.harborPatient2}" }) { id } }`)).errors?.[0].extensions?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await advocate.gql(`mutation { addCaseTask(input: { caseId: "${MARIA}", title: "x", internal: true, assigneeId: "${DEMO.users.harborPatient}" }) { id } }`)).errors?.[0].extensions?.code,
    ).toBe('VALIDATION_FAILED');

    const done = (await tick(patient, shared.id)).data!.setCaseTaskDone;
    expect(done).toMatchObject({ dueState: 'DONE', doneByName: 'Maria Lopez' });
    expect(done.doneAt).not.toBeNull();
    const undone = (await tick(advocate, shared.id, false)).data!.setCaseTaskDone;
    expect(undone).toMatchObject({ doneAt: null, doneByName: null, dueState: 'DUE_SOON' });

    const audit = await s.ds.query(`SELECT action, actor_user_id AS "actor" FROM audit_event WHERE entity_id = $1 ORDER BY at`, [shared.id]);
    expect(audit).toEqual([
      { action: 'case_task.create', actor: DEMO.users.harborAdvocate },
      // The caregiver's refused tick leaves its trace (denied attempts are audited).
      { action: 'access.denied', actor: DEMO.users.harborCaregiver },
      { action: 'case_task.done', actor: DEMO.users.harborPatient },
      { action: 'case_task.undone', actor: DEMO.users.harborAdvocate },
    ]);
    // The activity feed: shared lines for all, the internal task's line for staff only.
    const lines = await s.ds.query(
      `SELECT entity_id AS "entityId", staff_only AS "staffOnly", detail->>'change' AS change FROM case_activity WHERE kind = 'TASK_CHANGED' AND entity_id = ANY($1) ORDER BY created_at`,
      [[shared.id, internal.id]],
    );
    expect(lines).toEqual([
      { entityId: shared.id, staffOnly: false, change: 'added' },
      { entityId: internal.id, staffOnly: true, change: 'added' },
      { entityId: shared.id, staffOnly: false, change: 'done' },
      { entityId: shared.id, staffOnly: false, change: 'undone' },
    ]);
  });

  it('edits are versioned: a stale save is refused with the value saved since', async () => {
    const t = await add({ title: 'Send the pathology CD' });
    const save = (c: GqlClient, v: number, title: string) =>
      c.gql(`mutation($id: ID!, $v: Int!, $t: String!) { updateCaseTask(input: { id: $id, expectedVersion: $v, title: $t }) { ${TASK} } }`, { id: t.id, v, t: title });
    expect((await save(advocate, t.version, 'Send the pathology slides')).errors).toBeUndefined();
    const stale = await save(coordinator, t.version, 'Send the CD by courier');
    expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');
    expect(JSON.stringify(stale.errors?.[0].extensions)).toContain('Send the pathology slides');
    expect((await tasksOf(advocate)).find((x) => x.id === t.id)?.title).toBe('Send the pathology slides');
  });

  it('the patient’s live connection hears of a shared task, and never of an internal one', async () => {
    const live = new LiveClient(s.url, patient.cookie);
    try {
      const sub = live.subscribe<{ caseEvents: { kind: string; entityId: string | null } }>(`subscription($id: ID!) { caseEvents(caseId: $id) { kind entityId } }`, { id: MARIA });
      await sub.waitFor((m) => m.data?.caseEvents.kind === 'SUBSCRIBED', 5000);
      const hidden = await add({ title: 'Staff only: chase the fax', internal: true });
      const shared = await add({ title: 'Write down your questions', assigneeId: DEMO.users.harborPatient });
      await sub.waitFor((m) => m.data?.caseEvents.kind === 'TASK_CHANGED' && m.data.caseEvents.entityId === shared.id, 5000);
      await sleep(300);
      expect(sub.messages.some((m) => m.data?.caseEvents.entityId === hidden.id)).toBe(false);
    } finally {
      await live.close();
    }
  });

  it('a reminder goes out once, through the outbox and the job ledger; ticking the task done cancels it', async () => {
    const on = inDays(2);
    const t = await add({ title: 'Bring the referral letter', assigneeId: DEMO.users.harborPatient, dueOn: inDays(3), remindOn: on });
    const rows = await s.ds.query(`SELECT job_id AS "jobId", payload FROM outbox_message WHERE queue = $1 AND subject_id = $2 AND action = 'add'`, [QueueName.REMINDERS, t.id]);
    expect(rows).toEqual([{ jobId: `task-reminder.${t.id}.${on}`, payload: { taskId: t.id, on } }]);

    const job = s.worker!.get(SendTaskReminderJob);
    expect(await job.run(rows[0].payload)).toBe('sent');
    expect(await job.run(rows[0].payload)).toBe('already-sent');
    const count = async (id: string) =>
      (await s.ds.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'task.REMINDER' AND user_id = $1 AND key LIKE $2`, [DEMO.users.harborPatient, `task-reminder.${id}.%`]))[0].n;
    expect(await count(t.id)).toBe(1);

    // Another task, ticked done before its day: the pending job is taken out, and one that runs anyway does nothing.
    const other = await add({ title: 'Sign the records release', assigneeId: DEMO.users.harborPatient, remindOn: on });
    await tick(patient, other.id);
    const removed = await s.ds.query(`SELECT 1 FROM outbox_message WHERE subject_id = $1 AND action = 'remove'`, [other.id]);
    expect(removed).toHaveLength(1);
    expect(await job.run({ taskId: other.id, on })).toBe('no-longer-applies');
    expect(await count(other.id)).toBe(0);

    // The live worker, when the day comes, adds nothing to the first task's one notification.
    let ms = clock().now().getTime();
    while (dateAt(ms) < on) ms += 3_600_000;
    await s.app.get(DevClockService).advance(ms + 6 * 3_600_000 - clock().now().getTime());
    await waitFor('the job to run', async () => (await s.ds.query(`SELECT 1 FROM outbox_message WHERE job_id = $1 AND dispatched_at IS NOT NULL`, [rows[0].jobId])).length > 0);
    await sleep(1500);
    expect(await count(t.id)).toBe(1);
  });

  it('my day: the advocate sees an overdue record request and an overdue task on her cases, and each action clears it', async () => {
    const holderId = (await coordinator.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Lakeview Imaging", fax: "555-0100" }) { id } }`)).createRecordHolder
      .id;
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: LABS, title: "Blood work" }) { id } }`, { c: MARIA }))
      .addPacketItem;
    const request = (
      await advocate.ok<{ createRecordRequest: { id: string } }>(
        `mutation($c: ID!, $h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`,
        {
          c: MARIA,
          h: holderId,
          i: item.id,
          d: inDays(-20),
        },
      )
    ).createRecordRequest;
    const late = await add({ title: 'Call Maria’s insurer', assigneeId: DEMO.users.harborAdvocate, dueOn: inDays(-1) });
    const davidTask = await add({ title: 'Check David’s scan', assigneeId: DEMO.users.harborAdvocate2, dueOn: inDays(-1) }, coordinator);
    await s.ds.query(`UPDATE case_task SET case_id = $1 WHERE id = $2`, [DAVID, davidTask.id]);

    const day = await myDay(advocate);
    const req = day.items.find((i) => i.recordRequestId === request.id);
    expect(req).toMatchObject({ kind: 'RECORD_REQUEST', urgency: 'OVERDUE', caseId: MARIA, outstandingItemIds: [item.id], leadAdvocateName: 'Sam Rivera' });
    expect(day.items.find((i) => i.taskId === late.id)).toMatchObject({ kind: 'TASK', urgency: 'OVERDUE' });
    expect(day.items.some((i) => i.taskId === davidTask.id)).toBe(false);
    expect(day.overdueCount).toBeGreaterThanOrEqual(2);

    // The coordinator: the whole organization, or one advocate's day.
    const all = await myDay(coordinator);
    expect(all.items.map((i) => i.taskId)).toEqual(expect.arrayContaining([late.id, davidTask.id]));
    const jordans = await myDay(coordinator, DEMO.users.harborAdvocate2);
    expect(jordans.items.some((i) => i.taskId === davidTask.id)).toBe(true);
    expect(jordans.items.some((i) => i.taskId === late.id || i.recordRequestId === request.id)).toBe(false);

    // Each item's one action, in place.
    await advocate.ok(`mutation($r: ID!, $i: [ID!]!) { markRecordsReceived(input: { requestId: $r, packetItemIds: $i }) { id } }`, { r: request.id, i: req!.outstandingItemIds });
    expect((await tick(advocate, late.id)).errors).toBeUndefined();
    const after = await myDay(advocate);
    expect(after.items.some((i) => i.recordRequestId === request.id || i.taskId === late.id)).toBe(false);
    const audited = await s.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'my_day.read' AND actor_user_id = $1`, [DEMO.users.harborAdvocate]);
    expect(audited[0].n).toBeGreaterThanOrEqual(2);
  });

  it('my day lists my unread mentions, and nothing for anyone else’s', async () => {
    await patient.ok(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "@Sam Rivera the disc is ready", internal: false }) { id } }`, { id: MARIA });
    const mention = (await myDay(advocate)).items.find((i) => i.kind === 'MENTION');
    expect(mention).toMatchObject({ caseId: MARIA });
    expect((await myDay(coordinator)).items.some((i) => i.notificationId === mention!.notificationId)).toBe(false);
    await advocate.ok(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [mention!.notificationId] });
    expect((await myDay(advocate)).items.some((i) => i.kind === 'MENTION')).toBe(false);
  });
});
