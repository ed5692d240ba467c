import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@second-look/contracts';
import { allAppointmentReminders, CalendarDate, IsoWeekday } from '@second-look/domain';
import { DevClockService, JobReconciler } from '@second-look/server-jobs';
import { SendAppointmentReminderJob } from '@second-look/server-notifications';
import { Clock, REDIS } from '@second-look/server-platform';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/**
 * Appointment reminders and insurance coverage flags against the real API, the real worker
 * (relay, promoter, processors), PostgreSQL, Redis and the mail sink. Time moves with the dev
 * clock, never by sleeping; every test books its own visits relative to the moved clock.
 */
const MARIA = DEMO.cases.maria;
const DAVID = DEMO.cases.david;
const ZONE = 'America/Chicago';
const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const CLINICAL = /Maria|Lopez|diagnos|surgery|cancer|lab|County|Hospital|Lakeview|Reyes/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(120_000);

type Row = { job_id: string; action: 'add' | 'remove'; payload: { appointmentId: string; kind: string; on: string; ref?: string }; available_at: Date };
type Note = { kind: string; caseId: string; dueOn: string | null };

describe('appointment reminders and coverage flags', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let patient: GqlClient;
  let admin: GqlClient;
  let job: SendAppointmentReminderJob;

  const clock = () => s.app.get(Clock);
  const dateAt = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(ms)) as CalendarDate;
  const today = () => dateAt(clock().now().getTime());
  const local = (d: Date) => new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  /** The first `weekday` at least `days` ahead on the moved clock. */
  const weekdayAhead = (days: number, weekday: string): CalendarDate => {
    let t = clock().now().getTime() + days * 86_400_000;
    while (new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short' }).format(new Date(t)) !== weekday) t += 86_400_000;
    return dateAt(t);
  };
  /** The first Thursday at least `days` ahead (a visit whose reminders fall on plain weekdays). */
  const thursdayAhead = (days: number): CalendarDate => weekdayAhead(days, 'Thu');
  /** Moves the shared clock to 14:00 Chicago on `date` (working hours, outside quiet hours). */
  const moveClockTo = async (date: CalendarDate) => {
    let t = clock().now().getTime();
    while (dateAt(t) < date || Number(new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(new Date(t))) !== 14) t += 15 * 60_000;
    await s.app.get(DevClockService).advance(t - clock().now().getTime());
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(150)) {
      const v = await probe();
      if (v) return v;
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  const book = async (caseId: string, date: string, providerName: string, by: GqlClient = advocate): Promise<string> => {
    await by.ok(`mutation($c: ID!, $d: String!, $p: String!) { bookAppointment(input: { caseId: $c, date: $d, time: "10:00", mode: PHONE, providerName: $p }) { id } }`, {
      c: caseId,
      d: date,
      p: providerName,
    });
    return (await s.ds.query(`SELECT id FROM appointment WHERE provider_name = $1`, [providerName]))[0].id;
  };
  const move = async (id: string, date: string) => {
    const [{ version }] = await s.ds.query(`SELECT version FROM appointment WHERE id = $1`, [id]);
    await advocate.ok(`mutation($id: ID!, $v: Int!, $d: String!) { updateAppointment(input: { id: $id, expectedVersion: $v, date: $d }) { id } }`, { id, v: version, d: date });
  };
  const outboxOf = (appointmentId: string) =>
    s.ds.query(`SELECT job_id, action, payload, available_at FROM outbox_message WHERE queue = $1 AND subject_id = $2 ORDER BY id`, [QueueName.REMINDERS, appointmentId]) as Promise<Row[]>;
  const added = async (appointmentId: string) => (await outboxOf(appointmentId)).filter((r) => r.action === 'add');
  const notes = async (c: GqlClient): Promise<Note[]> => (await c.ok<{ notifications: { nodes: Note[] } }>(`{ notifications(first: 100) { nodes { kind caseId dueOn } } }`)).notifications.nodes;
  const notificationCount = async (kind: string, dueOn: string, userId: string): Promise<number> =>
    (await s.ds.query(`SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND due_on = $2 AND user_id = $3`, [kind, dueOn, userId]))[0].n;
  const mailTo = (email: string, subject: string) => s.mail!.messages.filter((m) => m.to.includes(email) && m.subject === subject);

  beforeAll(async () => {
    s = await startTestStack('appt-reminders', { worker: true, env: { DEV_CLOCK: 'true' } });
    [advocate, patient, admin] = await Promise.all([s.signIn('advocate@harbor.example'), s.signIn('patient@harbor.example'), s.signIn('admin@harbor.example')]);
    job = s.worker!.get(SendAppointmentReminderJob);
  });
  afterAll(() => s?.close());

  let first: string;
  let firstOn: CalendarDate;

  it('booking schedules the reminders in its own transaction, each at the start of a working day in the organization’s zone', async () => {
    firstOn = thursdayAhead(12);
    first = await book(MARIA, firstOn, 'Dr. First');
    const rows = await added(first);
    const dated = allAppointmentReminders(firstOn, WEEKDAYS);
    expect(rows.map((r) => r.payload.kind)).toEqual([...dated.map((r) => r.kind), 'PRE_AUTH_EXPIRES']);
    for (const [i, r] of dated.entries()) {
      expect(rows[i].payload.on).toBe(r.on);
      expect(rows[i].job_id).toBe(`appointment-reminder.${first}.${r.kind}.${r.on}`);
      expect(dateAt(new Date(rows[i].available_at).getTime())).toBe(r.on);
      expect(local(new Date(rows[i].available_at))).toBe('09:00');
    }
    // The coverage check runs at once and finds nothing to flag (no prior authorization on file yet).
    const check = rows[rows.length - 1];
    await waitFor('the coverage check', async () => (await s.ds.query(`SELECT 1 FROM outbox_message WHERE job_id = $1 AND dispatched_at IS NOT NULL`, [check.job_id])).length > 0);
    expect(await job.run(check.payload)).toBe('no-longer-applies');
    // A refused booking schedules nothing.
    const bad = await advocate.gql(`mutation { bookAppointment(input: { caseId: "${MARIA}", date: "2020-01-02", time: "10:00", mode: PHONE, providerName: "Dr. Past" }) { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(await s.ds.query(`SELECT 1 FROM appointment WHERE provider_name = 'Dr. Past'`)).toEqual([]);
  });

  it('moving the clock delivers each reminder once, in the app and by e-mail, to the patient and her caregiver; staff get the coverage nudge', async () => {
    const dayBefore = allAppointmentReminders(firstOn, WEEKDAYS).find((r) => r.kind === 'DAY_BEFORE')!.on;
    s.mail!.clear();
    await moveClockTo(dayBefore);
    const mine = await waitFor('the patient’s reminders', async () => {
      const n = await notes(patient);
      return n.some((x) => x.kind === 'appointment.DAY_BEFORE') && n.some((x) => x.kind === 'appointment.SOON') ? n : null;
    });
    expect(mine.filter((x) => x.kind.startsWith('appointment.'))).toEqual(
      expect.arrayContaining([
        { kind: 'appointment.DAY_BEFORE', caseId: MARIA, dueOn: firstOn },
        { kind: 'appointment.SOON', caseId: MARIA, dueOn: firstOn },
      ]),
    );
    // Staff-only coverage work never reaches the patient.
    expect(mine.some((x) => x.kind.startsWith('insurance.'))).toBe(false);
    const mail = await s.mail!.waitFor((m) => m.to.includes('patient@harbor.example') && m.subject === 'Your appointment is almost here', 15_000);
    expect(mail.text).toContain('records packet');
    expect(mail.links).toContain(`http://second-look.test/cases/${MARIA}`);
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(CLINICAL);
    await s.mail!.waitFor((m) => m.to.includes('caregiver@harbor.example') && m.subject === 'Your appointment is almost here', 15_000);
    // Maria's plan has no verified call: her advocate is asked to verify coverage before the visit.
    await waitFor('the coverage nudge', async () => (await notes(advocate)).some((x) => x.kind === 'insurance.VERIFY_COVERAGE' && x.dueOn === firstOn));
    await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example') && m.subject === 'Coverage not verified before an appointment', 15_000);
    expect((await notes(advocate)).some((x) => x.kind.startsWith('appointment.DAY_BEFORE'))).toBe(false);

    // Once: the same job again, and time for the live worker to do anything twice.
    const payload = (await added(first)).find((r) => r.payload.kind === 'DAY_BEFORE')!.payload;
    expect(await job.run(payload)).toBe('already-sent');
    await sleep(1500);
    expect(mailTo('patient@harbor.example', 'Your appointment is almost here')).toHaveLength(1);
    expect(await notificationCount('appointment.DAY_BEFORE', firstOn, DEMO.users.harborPatient)).toBe(1);
    expect(await notificationCount('appointment.DAY_BEFORE', firstOn, DEMO.users.harborCaregiver)).toBe(1);
  });

  it('a visit booked after its coverage-check day still asks staff to verify coverage: at once, and once', async () => {
    const soonOn = dateAt(clock().now().getTime() + 2 * 86_400_000);
    const visit = await book(MARIA, soonOn, 'Dr. Short Notice');
    const verify = (await added(visit)).find((r) => r.payload.kind === 'VERIFY_COVERAGE');
    // It keeps its own (past) date, so planning it again yields the same job and notification.
    expect(verify?.payload.on).toBe(allAppointmentReminders(soonOn, WEEKDAYS).find((r) => r.kind === 'VERIFY_COVERAGE')!.on);
    expect(verify!.payload.on < today()).toBe(true);
    await waitFor('the short-notice coverage nudge', async () => (await notes(advocate)).some((x) => x.kind === 'insurance.VERIFY_COVERAGE' && x.dueOn === soonOn));
    expect(await job.run(verify!.payload)).toBe('already-sent');
    expect(await notificationCount('insurance.VERIFY_COVERAGE', soonOn, DEMO.users.harborAdvocate)).toBe(1);
    // Out of the way of the tests below, which count Maria's visits' reminders.
    const [{ version }] = await s.ds.query(`SELECT version FROM appointment WHERE id = $1`, [visit]);
    await advocate.ok(`mutation($id: ID!, $v: Int!) { cancelAppointment(input: { id: $id, expectedVersion: $v }) { id } }`, { id: visit, v: version });
  });

  it('after the visit: the patient and the advocate are asked to record the opinion, then (unless it is booked) to book the follow-up', async () => {
    const after = allAppointmentReminders(firstOn, WEEKDAYS).find((r) => r.kind === 'RECORD_OPINION')!.on;
    await moveClockTo(after);
    await waitFor('the record-the-opinion nudge', async () => (await notes(patient)).some((x) => x.kind === 'appointment.RECORD_OPINION'));
    await waitFor('the advocate’s copy', async () => (await notes(advocate)).some((x) => x.kind === 'appointment.RECORD_OPINION' && x.dueOn === firstOn));
    await s.mail!.waitFor((m) => m.to.includes('patient@harbor.example') && m.subject === 'How did the appointment go?', 15_000);
    // A before-visit reminder that somehow runs now does nothing.
    const soon = (await added(first)).find((r) => r.payload.kind === 'SOON')!.payload;
    expect(await job.run({ ...soon, on: soon.on })).toBe('already-sent');
  });

  let moved: string;
  let movedTo: CalendarDate;

  it('moving the appointment cancels the old reminders, schedules new ones, and asks the advocate to check coverage again', async () => {
    const from = thursdayAhead(12);
    moved = await book(MARIA, from, 'Dr. Moved');
    const old = await added(moved);
    movedTo = thursdayAhead(19);
    await move(moved, movedTo);
    const rows = await outboxOf(moved);
    const removed = rows.filter((r) => r.action === 'remove').map((r) => r.job_id);
    // Every pending job of the old date is taken out again (the immediate coverage check too, if still pending).
    for (const r of old.filter((x) => x.payload.kind !== 'PRE_AUTH_EXPIRES')) expect(removed).toContain(r.job_id);
    const fresh = rows.slice(rows.findIndex((r) => r.action === 'remove')).filter((r) => r.action === 'add');
    expect(fresh.map((r) => `${r.payload.kind} ${r.payload.on}`)).toEqual([
      ...allAppointmentReminders(movedTo, WEEKDAYS).map((r) => `${r.kind} ${r.on}`),
      `PRE_AUTH_EXPIRES ${movedTo}`,
      `REVERIFY_COVERAGE ${movedTo}`,
    ]);
    expect(fresh[fresh.length - 1].payload.ref).toBe(from);
    // An old reminder that still runs finds the visit moved.
    expect(await job.run(old.find((r) => r.payload.kind === 'DAY_BEFORE')!.payload)).toBe('no-longer-applies');
    await waitFor('the re-verify flag', async () => (await notes(advocate)).some((x) => x.kind === 'insurance.REVERIFY_COVERAGE' && x.dueOn === movedTo));
    const mail = await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example') && m.subject === 'An appointment moved: please check coverage again', 15_000);
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(CLINICAL);
    // A change that keeps the date (the place, the notes) reschedules nothing.
    const before = (await outboxOf(moved)).length;
    const [{ version }] = await s.ds.query(`SELECT version FROM appointment WHERE id = $1`, [moved]);
    await advocate.ok(`mutation($id: ID!, $v: Int!) { updateAppointment(input: { id: $id, expectedVersion: $v, bringNotes: "Insurance card" }) { id } }`, { id: moved, v: version });
    expect((await outboxOf(moved)).length).toBe(before);
  });

  it('a prior authorization that ends before the visit is flagged when it is logged and when a visit is booked after it; one inside it is not', async () => {
    const validTo = dateAt(clock().now().getTime() + 10 * 86_400_000);
    await advocate.ok(
      `mutation($c: ID!, $d: String!, $f: String!, $t: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, covered: true, preAuthRequired: true, preAuthNumber: "PA-1", preAuthValidFrom: $f, preAuthValidTo: $t, outcome: VERIFIED }) { id } }`,
      { c: MARIA, d: today(), f: today(), t: validTo },
    );
    // The moved visit (a fortnight and more away) lies after the prior authorization's end.
    await waitFor('the prior authorization flag', async () => (await notes(advocate)).some((x) => x.kind === 'insurance.PRE_AUTH_EXPIRES' && x.dueOn === validTo));
    await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example') && m.subject === 'A prior authorization ends before an appointment', 15_000);
    expect((await notes(patient)).some((x) => x.kind.startsWith('insurance.'))).toBe(false);

    // Booked inside the window: the check at booking finds nothing to flag.
    const inside = await book(MARIA, dateAt(clock().now().getTime() + 5 * 86_400_000), 'Dr. Inside');
    const check = (await added(inside)).find((r) => r.payload.kind === 'PRE_AUTH_EXPIRES')!;
    await waitFor('the check to run', async () => (await s.ds.query(`SELECT 1 FROM outbox_message WHERE job_id = $1 AND dispatched_at IS NOT NULL`, [check.job_id])).length > 0);
    expect(await job.run(check.payload)).toBe('no-longer-applies');

    // Booked after it: flagged at booking, once per visit, however many changes noticed it.
    const outside = await book(MARIA, thursdayAhead(15), 'Dr. Outside');
    const flag = (await added(outside)).find((r) => r.payload.kind === 'PRE_AUTH_EXPIRES')!;
    await waitFor(
      'the booking-time flag',
      async () => Number((await s.ds.query(`SELECT count(*)::int AS n FROM notification WHERE key LIKE $1`, [`insurance.PRE_AUTH_EXPIRES:${outside}:%`]))[0].n) === 1,
    );
    expect(await job.run(flag.payload)).toBe('already-sent');
    expect(await job.run({ ...flag.payload, ref: 'another-change' })).toBe('sent');
    expect((await s.ds.query(`SELECT count(*)::int AS n FROM notification WHERE key LIKE $1`, [`insurance.PRE_AUTH_EXPIRES:${outside}:%`]))[0].n).toBe(1);
    // The call verified the coverage: the verify nudge of the moved visit no longer applies.
    const verify = (await added(moved)).filter((r) => r.payload.kind === 'VERIFY_COVERAGE').pop()!;
    expect(await job.run(verify.payload)).toBe('no-longer-applies');
  });

  it('canceling the appointment cancels its reminders in the same transaction; a cancelled visit cannot be moved', async () => {
    const visit = await book(MARIA, thursdayAhead(12), 'Dr. Cancelled');
    const planned = await added(visit);
    const [{ version }] = await s.ds.query(`SELECT version FROM appointment WHERE id = $1`, [visit]);
    const stale = await advocate.gql(`mutation($id: ID!) { cancelAppointment(input: { id: $id, expectedVersion: 99 }) { id } }`, { id: visit });
    expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');
    expect((await outboxOf(visit)).some((r) => r.action === 'remove')).toBe(false);
    const done = await patient.ok<{ cancelAppointment: { cancelledAt: string | null } }>(
      `mutation($id: ID!, $v: Int!) { cancelAppointment(input: { id: $id, expectedVersion: $v }) { cancelledAt } }`,
      { id: visit, v: version },
    );
    expect(done.cancelAppointment.cancelledAt).not.toBeNull();
    const removed = (await outboxOf(visit)).filter((r) => r.action === 'remove').map((r) => r.job_id);
    for (const r of planned.filter((x) => x.payload.kind !== 'PRE_AUTH_EXPIRES')) expect(removed).toContain(r.job_id);
    expect(await job.run(planned.find((r) => r.payload.kind === 'SOON')!.payload)).toBe('no-longer-applies');
    const [{ version: v2 }] = await s.ds.query(`SELECT version FROM appointment WHERE id = $1`, [visit]);
    const refused = await advocate.gql(`mutation($id: ID!, $v: Int!) { updateAppointment(input: { id: $id, expectedVersion: $v, date: "${thursdayAhead(20)}" }) { id } }`, { id: visit, v: v2 });
    expect(refused.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    // The re-scan does not bring a cancelled visit's reminders back.
    const rows = (await outboxOf(visit)).length;
    await s.worker!.get(JobReconciler).rescanOrganization(DEMO.orgs.harbor);
    expect((await outboxOf(visit)).length).toBe(rows);
  });

  it('closing the case cancels its appointments’ reminders; reopening schedules them again', async () => {
    const visit = await book(DAVID, thursdayAhead(12), 'Dr. Closed', admin);
    const planned = await added(visit);
    await admin.ok(`mutation($id: ID!) { moveCaseStage(input: { caseId: $id, to: CLOSED }) { id } }`, { id: DAVID });
    const removed = (await outboxOf(visit)).filter((r) => r.action === 'remove').map((r) => r.job_id);
    for (const r of planned.filter((x) => x.payload.kind !== 'PRE_AUTH_EXPIRES')) expect(removed).toContain(r.job_id);
    expect(await job.run(planned.find((r) => r.payload.kind === 'DAY_BEFORE')!.payload)).toBe('no-longer-applies');
    await admin.ok(`mutation($id: ID!) { moveCaseStage(input: { caseId: $id, to: CLOSE_THE_LOOP }) { id } }`, { id: DAVID });
    const rows = await outboxOf(visit);
    expect(rows[rows.length - 1].action).toBe('add');
    expect(rows.filter((r) => r.action === 'add' && r.payload.kind === 'DAY_BEFORE')).toHaveLength(2);
  });

  it('after Redis loses everything, reconcile rebuilds the pending reminders without duplicates, and each is still delivered once', async () => {
    const visit = await book(MARIA, thursdayAhead(12), 'Dr. Flushed');
    const w = s.worker!;
    const queue = w.get<Queue>(getQueueToken(QueueName.REMINDERS), { strict: false });
    const pending = async () =>
      (await queue.getJobs(['delayed', 'waiting', 'prioritized']))
        .map((j) => j.id!)
        .filter((id) => id.startsWith(`appointment-reminder.${visit}.`) && !id.includes('.PRE_AUTH_EXPIRES.'))
        .sort();
    await waitFor('the relay', async () => (await pending()).length === 5);
    const before = await pending();

    // Let jobs in flight finish first (a job whose lock vanishes under it only makes noise).
    const email = w.get<Queue>(getQueueToken(QueueName.EMAIL), { strict: false });
    await waitFor('idle queues', async () => (await queue.getActiveCount()) + (await email.getActiveCount()) + (await email.getWaitingCount()) === 0);
    const redis = w.get<Redis>(REDIS);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${s.config.redisPrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    expect(await pending()).toEqual([]);
    await s.app.get(DevClockService).refresh();
    await w.get(DevClockService).refresh();

    const reconciler = w.get(JobReconciler);
    await reconciler.reconcile();
    expect(await pending()).toEqual(before);
    expect((await reconciler.reconcile()).recreated).toBe(0);
    // The re-scan finds every appointment already has its reminders pending.
    const outboxRows = (await outboxOf(visit)).length;
    await reconciler.rescanOrganization(DEMO.orgs.harbor);
    expect((await outboxOf(visit)).length).toBe(outboxRows);

    const visitOn = (await added(visit)).find((r) => r.payload.kind === 'DAY_BEFORE')!.payload;
    s.mail!.clear();
    await moveClockTo(visitOn.on as CalendarDate);
    const [{ starts_on }] = await s.ds.query(`SELECT to_char(starts_at AT TIME ZONE $2, 'YYYY-MM-DD') AS starts_on FROM appointment WHERE id = $1`, [visit, ZONE]);
    await waitFor('the rebuilt reminder', async () => (await notificationCount('appointment.DAY_BEFORE', starts_on, DEMO.users.harborPatient)) === 1);
    await s.mail!.waitFor((m) => m.to.includes('patient@harbor.example') && m.subject === 'Your appointment is almost here', 15_000);
    await sleep(1500);
    expect(await notificationCount('appointment.DAY_BEFORE', starts_on, DEMO.users.harborPatient)).toBe(1);
    expect(mailTo('patient@harbor.example', 'Your appointment is almost here')).toHaveLength(1);
  });

  it('new working days from the admin move the appointment reminders too', async () => {
    const monday = weekdayAhead(12, 'Mon');
    const visit = await book(MARIA, monday, 'Dr. Four Days');
    expect((await added(visit)).find((r) => r.payload.kind === 'DAY_BEFORE')!.payload.on).toBe(allAppointmentReminders(monday, WEEKDAYS).find((r) => r.kind === 'DAY_BEFORE')!.on);
    const fourDays: IsoWeekday[] = [1, 2, 3, 4];
    await admin.ok(`mutation($input: UpdateReminderSettingsInput!) { updateReminderSettings(input: $input) { id } }`, {
      input: { daysAfterSent: [7, 14, 25, 30], targetSoonDays: 2, legalSoonDays: 5, workStart: '09:00', workEnd: '17:00', workingDays: fourDays, timeZone: ZONE, digestHour: 8 },
    });
    const expected = allAppointmentReminders(monday, fourDays);
    // The day before a Monday visit is now the Thursday, not the Friday.
    expect(expected.find((r) => r.kind === 'DAY_BEFORE')!.on).not.toBe(allAppointmentReminders(monday, WEEKDAYS).find((r) => r.kind === 'DAY_BEFORE')!.on);
    await waitFor('the re-plan', async () => {
      const rows = await outboxOf(visit);
      const last = rows.slice(rows.map((r) => r.action).lastIndexOf('remove') + 1).filter((r) => r.action === 'add' && r.payload.kind !== 'PRE_AUTH_EXPIRES');
      return JSON.stringify(last.map((r) => `${r.payload.kind} ${r.payload.on}`)) === JSON.stringify(expected.map((r) => `${r.kind} ${r.on}`));
    });
  });

  it('the admin’s appointment distances decide the dates: upcoming visits are planned again, and a job from the old plan no longer applies', async () => {
    const FIELDS = 'id appointmentSoonDays verifyCoverageWorkingDays recordOpinionDays bookFollowUpDays';
    const UPDATE = `mutation($input: UpdateReminderSettingsInput!) { updateReminderSettings(input: $input) { ${FIELDS} } }`;
    const base = { daysAfterSent: [7, 14, 25, 30], targetSoonDays: 2, legalSoonDays: 5, workStart: '09:00', workEnd: '17:00', workingDays: WEEKDAYS, timeZone: ZONE, digestHour: 8 };
    const read = async () => (await admin.ok<{ reminderSettings: Record<string, unknown> }>(`{ reminderSettings { ${FIELDS} } }`)).reminderSettings;
    // Until an admin chooses, the distances that were fixed before.
    expect(await read()).toEqual({ id: DEMO.orgs.harbor, appointmentSoonDays: 3, verifyCoverageWorkingDays: 5, recordOpinionDays: 1, bookFollowUpDays: 7 });

    const thursday = thursdayAhead(20);
    const visit = await book(MARIA, thursday, 'Dr. Distances');
    const oldOpinion = (await added(visit)).find((r) => r.payload.kind === 'RECORD_OPINION')!.payload;
    const chosen = { soonDays: 7, verifyWorkingDays: 3, recordOpinionDays: 6, followUpDays: 14 };
    const r = await admin.ok<{ updateReminderSettings: Record<string, unknown> }>(UPDATE, {
      input: { ...base, appointmentSoonDays: 7, verifyCoverageWorkingDays: 3, recordOpinionDays: 6, bookFollowUpDays: 14 },
    });
    expect(r.updateReminderSettings).toEqual({ id: DEMO.orgs.harbor, appointmentSoonDays: 7, verifyCoverageWorkingDays: 3, recordOpinionDays: 6, bookFollowUpDays: 14 });
    const [audit] = await s.ds.query(`SELECT detail FROM audit_event WHERE action = 'organization.reminder_settings.update' ORDER BY at DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ appointmentSoonDays: 7, verifyCoverageWorkingDays: 3, recordOpinionDays: 6, bookFollowUpDays: 14 });

    // The worker plans the visit again under the new distances and the weekdays back (through the outbox).
    const expected = allAppointmentReminders(thursday, WEEKDAYS, chosen).map((x) => `${x.kind} ${x.on}`);
    expect(expected).not.toEqual(allAppointmentReminders(thursday, WEEKDAYS).map((x) => `${x.kind} ${x.on}`));
    await waitFor('the re-plan under the new distances', async () => {
      const rows = await outboxOf(visit);
      const last = rows.slice(rows.map((x) => x.action).lastIndexOf('remove') + 1).filter((x) => x.action === 'add' && x.payload.kind !== 'PRE_AUTH_EXPIRES');
      return JSON.stringify(last.map((x) => `${x.payload.kind} ${x.payload.on}`)) === JSON.stringify(expected);
    });
    // A job still around from the old plan (a day after the visit) finds it no longer applies.
    expect(oldOpinion.on).not.toBe(allAppointmentReminders(thursday, WEEKDAYS, chosen).find((x) => x.kind === 'RECORD_OPINION')!.on);
    expect(await job.run(oldOpinion)).toBe('no-longer-applies');
    // A new booking follows them at once.
    const next = await book(MARIA, thursdayAhead(27), 'Dr. Distances Two');
    const nextOn = (await s.ds.query(`SELECT to_char(starts_at AT TIME ZONE $2, 'YYYY-MM-DD') AS d FROM appointment WHERE id = $1`, [next, ZONE]))[0].d as CalendarDate;
    expect((await added(next)).filter((x) => x.payload.kind !== 'PRE_AUTH_EXPIRES').map((x) => `${x.payload.kind} ${x.payload.on}`)).toEqual(
      allAppointmentReminders(nextOn, WEEKDAYS, chosen).map((x) => `${x.kind} ${x.on}`),
    );

    // Left out of the input (a client from before they existed): they stay as they are.
    await admin.ok(UPDATE, { input: base });
    expect(await read()).toMatchObject({ appointmentSoonDays: 7, recordOpinionDays: 6, bookFollowUpDays: 14 });

    // Out of range, or the follow-up not after the opinion reminder: refused, naming the field; nothing changes.
    const settings = await read();
    // (Re-plans of the last change may still be landing: count what a change writes itself.)
    const written = async () =>
      (await s.ds.query(`SELECT (SELECT count(*) FROM outbox_message WHERE job_name = 'reschedule-organization-reminders')::int AS o, (SELECT count(*) FROM audit_event)::int AS a`))[0];
    const writtenBefore = await written();
    const bad: [Record<string, number>, string][] = [
      [{ appointmentSoonDays: 1 }, 'appointmentSoonDays'],
      [{ appointmentSoonDays: 30 }, 'appointmentSoonDays'],
      [{ verifyCoverageWorkingDays: 0 }, 'verifyCoverageWorkingDays'],
      [{ recordOpinionDays: 15 }, 'recordOpinionDays'],
      [{ bookFollowUpDays: 90 }, 'bookFollowUpDays'],
      [{ recordOpinionDays: 5, bookFollowUpDays: 5 }, 'bookFollowUpDays'],
    ];
    for (const [patch, field] of bad) {
      const e = await admin.gql(UPDATE, { input: { ...base, ...patch } });
      expect({ patch, code: e.errors?.[0]?.extensions?.code, field: e.errors?.[0]?.extensions?.details?.['field'] }).toEqual({ patch, code: 'VALIDATION_FAILED', field });
    }
    expect(await read()).toEqual(settings);
    expect(await written()).toEqual(writtenBefore);
    // Not an admin: refused.
    expect((await advocate.gql(UPDATE, { input: { ...base, recordOpinionDays: 2 } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
