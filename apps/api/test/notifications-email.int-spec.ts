import { getQueueToken } from '@nestjs/bullmq';
import { jobIds, QueueName } from '@second-look/contracts';
import { isoWeekday, minuteOfDayInZone, nextDigestTime, todayInZone, workingDayOnOrBefore, type CalendarDate, type IsoWeekday } from '@second-look/domain';
import { DailyDigestJobs, SendNotificationEmailJob, SendRecordRequestReminderJob } from '@second-look/server-notifications';
import { Clock } from '@second-look/server-platform';
import { Queue } from 'bullmq';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const MARIA = DEMO.cases.maria;
const ZONE = 'America/Chicago';
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + offset * 86400000));
const hhmm = (ms: number) => new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Payload = { requestId: string; kind: string; on: string };
const PREFS = `mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { id email { category mode } quietHours { start end } timeZone digestTime } }`;
const SETTINGS_FIELDS = 'id daysAfterSent targetSoonDays legalSoonDays workStart workEnd workingDays timeZone digestHour';
const UPDATE_SETTINGS = `mutation($input: UpdateReminderSettingsInput!) { updateReminderSettings(input: $input) { ${SETTINGS_FIELDS} } }`;
const GOOD_SETTINGS = { daysAfterSent: [3, 10], targetSoonDays: 0, legalSoonDays: 5, workStart: '08:30', workEnd: '16:00', workingDays: [1, 2, 3, 4, 5], timeZone: ZONE, digestHour: 7 };

/** Words from the demo case that must never reach an e-mail: the patient, the diagnosis, the record kind, the holder. */
const CLINICAL = /Maria|Lopez|diagnos|surgery|cancer|lab|County|Hospital|Lakeview/i;

describe('notification e-mail: immediate, off, quiet hours, daily digest; organization reminder settings', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let coordinator: GqlClient;
  let admin: GqlClient;
  let holderId: string;
  let reminderJob: SendRecordRequestReminderJob;
  let emailJob: SendNotificationEmailJob;
  let clock: Clock;

  const newRequest = async (sentOn: string): Promise<string> => {
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: LABS }) { id } }`)).addPacketItem;
    return (
      await advocate.ok<{ createRecordRequest: { id: string } }>(
        `mutation($h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: "${MARIA}", holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`,
        { h: holderId, i: item.id, d: sentOn },
      )
    ).createRecordRequest.id;
  };
  const reminders = (requestId: string) =>
    s.ds.query(`SELECT payload, available_at FROM outbox_message WHERE queue = $1 AND action = 'add' AND payload->>'requestId' = $2 ORDER BY available_at, id`, [
      QueueName.REMINDERS,
      requestId,
    ]) as Promise<{ payload: Payload; available_at: Date }[]>;
  const reminder = async (requestId: string, kind: string): Promise<Payload> => {
    const row = (await reminders(requestId)).find((r) => r.payload.kind === kind);
    if (!row) throw new Error(`no ${kind} reminder for ${requestId}`);
    return row.payload;
  };
  const notificationOf = async (requestId: string, userId: string): Promise<{ id: string; kind: string }> =>
    (await s.ds.query(`SELECT id, kind FROM notification WHERE record_request_id = $1 AND user_id = $2`, [requestId, userId]))[0];
  const mailTo = (email: string) => s.mail!.messages.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    s = await startTestStack('notif-email', { worker: true });
    [advocate, coordinator, admin] = await Promise.all([s.signIn('advocate@harbor.example'), s.signIn('coordinator@harbor.example'), s.signIn('admin@harbor.example')]);
    holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "County Hospital HIM" }) { id } }`)).createRecordHolder.id;
    reminderJob = s.worker!.get(SendRecordRequestReminderJob);
    emailJob = s.worker!.get(SendNotificationEmailJob);
    clock = s.worker!.get(Clock);
  });
  afterEach(() => clock.setOffset(0));
  afterAll(() => s?.close());

  it('starts from sensible defaults: everything by e-mail at once, no quiet hours', async () => {
    const r = await advocate.ok<{ notificationPreferences: { id: string; email: { category: string; mode: string }[]; quietHours: null; timeZone: string; digestTime: string } }>(
      `{ notificationPreferences { id email { category mode } quietHours { start end } timeZone digestTime } }`,
    );
    expect(r.notificationPreferences).toEqual({
      id: DEMO.users.harborAdvocate,
      email: [
        { category: 'RECORD_REMINDERS', mode: 'IMMEDIATE' },
        { category: 'RECORD_ESCALATIONS', mode: 'IMMEDIATE' },
        { category: 'APPOINTMENT_REMINDERS', mode: 'IMMEDIATE' },
        { category: 'AFTER_VISIT', mode: 'IMMEDIATE' },
        { category: 'INSURANCE_CHECKS', mode: 'IMMEDIATE' },
        { category: 'TASKS', mode: 'IMMEDIATE' },
      ],
      quietHours: null,
      timeZone: ZONE,
      digestTime: '08:00',
    });
  });

  it('an immediate notification arrives as one short e-mail with a link to the case and no clinical detail, however often the jobs run', async () => {
    const requestId = await newRequest(day(-3));
    const p = await reminder(requestId, 'TARGET_SOON');
    expect(await reminderJob.run(p)).toBe('sent');
    const msg = await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example'), 15000);
    expect(msg.subject).toBe('A record request is due soon');
    expect(msg.links).toContain(`http://second-look.test/cases/${MARIA}`);
    expect(msg.links).toContain('http://second-look.test/notifications/settings');
    expect(`${msg.subject}\n${msg.text}\n${msg.html}`).not.toMatch(CLINICAL);
    expect(msg.text.length).toBeLessThan(600);

    // The reminder job again, the e-mail job again, and time for the live worker to do anything twice.
    expect(await reminderJob.run(p)).toBe('already-sent');
    const n = await notificationOf(requestId, DEMO.users.harborAdvocate);
    expect(await emailJob.run({ notificationId: n.id })).toBe('already-sent');
    await sleep(1500);
    expect(mailTo('advocate@harbor.example')).toHaveLength(1);
    expect((await s.ds.query(`SELECT emailed_at FROM notification WHERE id = $1`, [n.id]))[0].emailed_at).not.toBeNull();
  });

  it('a mail server that says "try later" gets the e-mail again, and the failed attempt names codes, never the address', async () => {
    s.mail!.clear();
    s.mail!.refuse('advocate@harbor.example', 450);
    try {
      const requestId = await newRequest(day(-3));
      expect(await reminderJob.run(await reminder(requestId, 'TARGET_SOON'))).toBe('sent');
      const n = await notificationOf(requestId, DEMO.users.harborAdvocate);
      // The live worker's attempt fails and stays for a retry; BullMQ keeps its message as failedReason.
      const emailQueue = s.worker!.get<Queue>(getQueueToken(QueueName.EMAIL), { strict: false });
      let reason: string | undefined;
      for (let deadline = Date.now() + 15000; Date.now() < deadline && !reason; await sleep(100)) reason = (await emailQueue.getJob(jobIds.notificationEmail(n.id)))?.failedReason;
      expect(reason).toBe('SMTP could not take the message (450 EENVELOPE)');
      const direct = await emailJob.run({ notificationId: n.id }).catch((e: Error) => e);
      expect(direct).toBeInstanceOf(Error);
      expect(String((direct as Error).message)).not.toContain('@');
      expect(mailTo('advocate@harbor.example')).toHaveLength(0);

      s.mail!.accept();
      expect(['sent', 'already-sent']).toContain(await emailJob.run({ notificationId: n.id }));
      await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example'), 15000);
      await sleep(1500);
      expect(mailTo('advocate@harbor.example')).toHaveLength(1);
    } finally {
      s.mail!.accept();
    }
  });

  it('"off" sends no e-mail, and the notification is still in the app', async () => {
    await coordinator.ok(PREFS, { input: { email: [{ category: 'RECORD_ESCALATIONS', mode: 'OFF' }], quietHours: null } });
    s.mail!.clear();
    const requestId = await newRequest(day(-3));
    expect(await reminderJob.run(await reminder(requestId, 'LEGAL_OVERDUE'))).toBe('sent');
    // The advocate keeps the default (escalations at once): their e-mail is the signal the worker has run.
    const msg = await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example'), 15000);
    expect(msg.subject).toBe('A record request is past its legal deadline');
    expect(msg.text).toContain('A follow-up letter is ready to download on the case.');
    await sleep(1500);
    expect(mailTo('coordinator@harbor.example')).toHaveLength(0);
    const inApp = await coordinator.ok<{ notifications: { nodes: { kind: string; recordRequestId: string }[] } }>(`{ notifications(first: 20) { nodes { kind recordRequestId } } }`);
    expect(inApp.notifications.nodes).toContainEqual({ kind: 'record_request.LEGAL_OVERDUE', recordRequestId: requestId });
  });

  it('quiet hours hold an immediate e-mail until they end, then it goes once', async () => {
    const now = Date.now();
    const quietHours = { start: hhmm(now - 60 * 60000), end: hhmm(now + 60 * 60000) };
    await advocate.ok(PREFS, { input: { email: [], quietHours } });
    s.mail!.clear();
    const requestId = await newRequest(day(-3));
    expect(await reminderJob.run(await reminder(requestId, 'LEGAL_OVERDUE'))).toBe('sent');
    const n = await notificationOf(requestId, DEMO.users.harborAdvocate);
    const [row] = await s.ds.query(`SELECT available_at FROM outbox_message WHERE job_id = $1`, [jobIds.notificationEmail(n.id)]);
    // Held in the outbox (and so in BullMQ's delayed set) until the end of quiet hours, to the minute.
    expect(hhmm(new Date(row.available_at).getTime())).toBe(quietHours.end);
    expect(new Date(row.available_at).getTime()).toBeGreaterThan(now + 58 * 60000);

    // Run early (say the person just set quiet hours): it is held, nothing sent.
    const held = await emailJob.run({ notificationId: n.id });
    expect(held).toEqual({ heldUntil: new Date(row.available_at) });
    await sleep(1000);
    expect(mailTo('advocate@harbor.example')).toHaveLength(0);

    // The same through the live worker: a job that starts inside quiet hours goes back to
    // BullMQ's delayed set until they end, without failing or using up an attempt.
    const emailQueue = s.worker!.get<Queue>(getQueueToken(QueueName.EMAIL), { strict: false });
    const probe = await emailQueue.add('send-notification-email', { notificationId: n.id }, { jobId: `quiet-probe.${n.id}` });
    let state: string | undefined;
    for (let deadline = Date.now() + 10000; Date.now() < deadline; await sleep(100)) {
      state = await (await emailQueue.getJob(probe.id!))?.getState();
      if (state === 'delayed') break;
    }
    expect(state).toBe('delayed');
    const delayed = await emailQueue.getJob(probe.id!);
    expect(delayed!.attemptsMade).toBe(0);
    expect(delayed!.failedReason ?? null).toBeNull();
    expect(Math.abs(delayed!.timestamp + delayed!.delay - new Date(row.available_at).getTime())).toBeLessThan(2000);
    expect(mailTo('advocate@harbor.example')).toHaveLength(0);
    await delayed!.remove();

    // Quiet hours over: it goes, once.
    clock.setOffset(new Date(row.available_at).getTime() - Date.now() + 1000);
    expect(await emailJob.run({ notificationId: n.id })).toBe('sent');
    expect(await emailJob.run({ notificationId: n.id })).toBe('already-sent');
    const msg = await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example'), 5000);
    expect(msg.links).toContain(`http://second-look.test/cases/${MARIA}`);
    expect(mailTo('advocate@harbor.example')).toHaveLength(1);
    await advocate.ok(PREFS, { input: { email: [], quietHours: null } });
  });

  it('the daily digest collects several notifications into one e-mail, once; the hourly scheduler fans out to the organization at its digest hour', async () => {
    await advocate.ok(PREFS, { input: { email: [{ category: 'RECORD_REMINDERS', mode: 'DIGEST' }], quietHours: null } });
    await advocate.ok(`mutation { markNotificationsRead }`);
    s.mail!.clear();
    const requests = [await newRequest(day(-3)), await newRequest(day(-2)), await newRequest(day(-1))];
    for (const id of requests) expect(await reminderJob.run(await reminder(id, 'TARGET_DUE'))).toBe('sent');
    await sleep(1000);
    expect(mailTo('advocate@harbor.example')).toHaveLength(0); // digest, not immediate

    const digests = s.worker!.get(DailyDigestJobs);
    const on = todayInZone(new Date(), ZONE);
    expect(await digests.organization({ organizationId: DEMO.orgs.harbor, on })).toBe('done');
    const msg = await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example'), 15000);
    expect(msg.subject).toBe('Your daily summary: 3 things need attention');
    expect(msg.text.match(/has reached its planned date/g)).toHaveLength(3);
    expect(msg.links).toContain(`http://second-look.test/cases/${MARIA}`);
    expect(msg.links).toContain('http://second-look.test/notifications');
    expect(`${msg.subject}\n${msg.text}\n${msg.html}`).not.toMatch(CLINICAL);
    expect(await digests.send({ userId: DEMO.users.harborAdvocate, on })).toBe('already-sent');
    // Listed once: tomorrow's digest has nothing of these to say.
    expect(await digests.send({ userId: DEMO.users.harborAdvocate, on: '2099-01-01' })).toBe('no-longer-applies');
    await sleep(1000);
    expect(mailTo('advocate@harbor.example')).toHaveLength(1);
    // The coordinator turned escalations off: nothing of theirs qualifies.
    expect(mailTo('coordinator@harbor.example')).toHaveLength(0);

    // The repeatable job exists, and at 08:00 Chicago time it starts Harbor's digests for that local day.
    const reminderQueue = s.worker!.get<Queue>(getQueueToken(QueueName.REMINDERS), { strict: false });
    expect(await reminderQueue.getJobScheduler(jobIds.dailyDigestScheduler())).toMatchObject({ pattern: '0 * * * *' });
    const at = nextDigestTime(new Date(), 8, ZONE);
    clock.setOffset(at.getTime() - Date.now() + 60000);
    expect(await digests.fanOut()).toBeGreaterThanOrEqual(1);
    const orgJob = await reminderQueue.getJob(jobIds.organizationDigests(DEMO.orgs.harbor, todayInZone(at, ZONE)));
    expect(orgJob?.data).toEqual({ organizationId: DEMO.orgs.harbor, on: todayInZone(at, ZONE) });
    // Before the digest hour (06:00 in Chicago, 07:00 in New York) no organization starts.
    clock.setOffset(at.getTime() - Date.now() - 2 * 3600000);
    expect(await digests.fanOut()).toBe(0);
  });

  it('an admin’s reminder days and working hours decide which reminders are scheduled and when; open requests follow', async () => {
    const before = await newRequest(day(0));
    const r = await admin.ok<{ updateReminderSettings: Record<string, unknown> }>(UPDATE_SETTINGS, { input: { ...GOOD_SETTINGS, daysAfterSent: [10, 3, 3] } });
    expect(r.updateReminderSettings).toEqual({ id: DEMO.orgs.harbor, ...GOOD_SETTINGS });
    const audited = await s.ds.query(`SELECT actor_user_id, entity_id FROM audit_event WHERE action = 'organization.reminder_settings.update'`);
    expect(audited).toEqual([{ actor_user_id: DEMO.users.harborAdmin, entity_id: DEMO.orgs.harbor }]);

    // The worker plans the open requests again (a job through the outbox, not the admin's request).
    let old: { payload: Payload; available_at: Date }[] = [];
    for (let deadline = Date.now() + 15000; Date.now() < deadline; await sleep(200)) {
      old = await reminders(before);
      if (old.some((x) => x.payload.kind === 'SENT_DAY' && x.payload.on === day(10))) break;
    }
    const requestId = await newRequest(day(0));
    const rows = await reminders(requestId);
    // Maria's case is urgent: plan target +7, legal +30 (LEGAL_SOON +25, moved back to the Friday
    // when that is a weekend day). No target "soon" reminder (0 days).
    const legalSoon = workingDayOnOrBefore(day(25) as CalendarDate, GOOD_SETTINGS.workingDays as IsoWeekday[]);
    expect(rows.map((x) => `${x.payload.kind}@${x.payload.on}`).sort()).toEqual(
      [`SENT_DAY@${day(3)}`, `TARGET_DUE@${day(7)}`, `SENT_DAY@${day(10)}`, `LEGAL_SOON@${legalSoon}`, `LEGAL_DUE@${day(30)}`, `LEGAL_OVERDUE@${day(31)}`].sort(),
    );
    for (const x of rows) {
      const t = new Date(x.available_at);
      const m = minuteOfDayInZone(t, ZONE);
      expect(m).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(m).toBeLessThan(16 * 60);
      expect(isoWeekday(todayInZone(t, ZONE) as CalendarDate)).toBeLessThanOrEqual(5);
    }
    // The request made before the change got the new days too, and its old "day 14" no longer applies.
    expect(old.some((x) => x.payload.kind === 'SENT_DAY' && x.payload.on === day(10))).toBe(true);
    const day14 = old.find((x) => x.payload.kind === 'SENT_DAY' && x.payload.on === day(14));
    expect(day14).toBeDefined();
    expect(await reminderJob.run(day14!.payload)).toBe('no-longer-applies');
    expect((await advocate.ok<{ notificationPreferences: { digestTime: string } }>(`{ notificationPreferences { digestTime } }`)).notificationPreferences.digestTime).toBe('07:00');
  });

  it('refuses bad settings with a clear error naming the field, and changes nothing', async () => {
    const read = () => admin.ok<{ reminderSettings: Record<string, unknown> }>(`{ reminderSettings { ${SETTINGS_FIELDS} } }`);
    const count = async () => (await s.ds.query(`SELECT (SELECT count(*) FROM outbox_message)::int AS o, (SELECT count(*) FROM audit_event)::int AS a`))[0];
    const [patient, other] = [await s.signIn('patient@harbor.example'), await s.signIn('admin@northstar.example')];
    const settings = await read();
    const counts = await count();
    const bad: [Record<string, unknown>, string][] = [
      [{ daysAfterSent: [0, 7] }, 'daysAfterSent'],
      [{ daysAfterSent: [7, 400] }, 'daysAfterSent'],
      [{ workStart: '17:00', workEnd: '09:00' }, 'workEnd'],
      [{ workStart: '9am' }, 'workStart'],
      [{ workingDays: [] }, 'workingDays'],
      [{ workingDays: [1, 9] }, 'workingDays'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ digestHour: 24 }, 'digestHour'],
      [{ legalSoonDays: 45 }, 'legalSoonDays'],
    ];
    for (const [patch, field] of bad) {
      const r = await admin.gql(UPDATE_SETTINGS, { input: { ...GOOD_SETTINGS, ...patch } });
      expect({ patch, code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.details?.['field'] }).toEqual({ patch, code: 'VALIDATION_FAILED', field });
      expect(r.errors?.[0]?.message).not.toMatch(/at .*\.js|Error:/);
    }
    // Not an admin: refused whatever the input.
    for (const c of [coordinator, advocate, patient]) {
      expect((await c.gql(UPDATE_SETTINGS, { input: GOOD_SETTINGS })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await c.gql(`{ reminderSettings { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // Another organization's admin sees and changes only their own.
    expect((await other.ok<{ reminderSettings: { id: string; daysAfterSent: number[] } }>(`{ reminderSettings { id daysAfterSent } }`)).reminderSettings).toEqual({
      id: DEMO.orgs.northstar,
      daysAfterSent: [7, 14, 25, 30],
    });
    expect(await read()).toEqual(settings);
    expect(await count()).toEqual(counts);

    // Signed out: nothing to read or change.
    expect((await s.client().gql(`{ notificationPreferences { id } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await s.client().gql(PREFS, { input: { email: [], quietHours: null } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Bad preferences likewise.
    const prefsBefore = await advocate.ok(`{ notificationPreferences { email { category mode } quietHours { start end } } }`);
    for (const input of [
      { email: [], quietHours: { start: '25:00', end: '08:00' } },
      { email: [], quietHours: { start: '20:00', end: '20:00' } },
      {
        email: [
          { category: 'RECORD_REMINDERS', mode: 'OFF' },
          { category: 'RECORD_REMINDERS', mode: 'IMMEDIATE' },
        ],
        quietHours: null,
      },
    ]) {
      expect((await advocate.gql(PREFS, { input })).errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    }
    expect((await advocate.gql(PREFS, { input: { email: [{ category: 'NOPE', mode: 'OFF' }], quietHours: null } })).errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(await advocate.ok(`{ notificationPreferences { email { category mode } quietHours { start end } } }`)).toEqual(prefsBefore);
    // Each saved change of preferences was audited, none of the refused ones.
    const prefAudits = await s.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'notification_preferences.update' AND actor_user_id = $1`, [DEMO.users.harborAdvocate]);
    expect(prefAudits[0].n).toBe(3);
  });
});
