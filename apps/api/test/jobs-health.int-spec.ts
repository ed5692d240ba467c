import { QueueName } from '@second-look/contracts';
import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { makeFailedJob } from './support/failed-job';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const HEALTH = `{ jobsHealth { checkedAt queues { name waiting delayed active failed completed } failedJobs { id queue name failedReason attemptsMade failedAt } } }`;
const RETRY = `mutation($q: String!, $id: ID!) { retryFailedJob(queue: $q, jobId: $id) { id queue name } }`;

type Health = { jobsHealth: { queues: { name: string; failed: number; waiting: number }[]; failedJobs: { id: string; queue: string; failedReason: string | null; attemptsMade: number }[] } };

describe('staff view of background jobs', () => {
  let s: TestStack;
  let admin: GqlClient;
  let harborJob: string;
  let northstarJob: string;

  beforeAll(async () => {
    s = await startTestStack('jobs-health', { worker: false });
    admin = await s.signIn('admin@harbor.example');
    const [request] = await s.ds.query(`SELECT r.id FROM record_request r WHERE r.organization_id = $1 LIMIT 1`, [DEMO.orgs.harbor]);
    const requestId = request?.id ?? (await s.ds.query(`SELECT id FROM organization WHERE id = $1`, [DEMO.orgs.harbor]))[0].id;
    harborJob = await makeFailedJob(s.app, QueueName.REMINDERS, request ? { requestId } : { organizationId: DEMO.orgs.harbor });
    northstarJob = await makeFailedJob(s.app, QueueName.EMAIL, { organizationId: DEMO.orgs.northstar }, 'Northstar-only reason');
  });
  afterAll(() => s?.close());

  it('shows every queue’s counts, and only the admin’s own organization’s failed jobs with a short reason', async () => {
    const h = (await admin.ok<Health>(HEALTH)).jobsHealth;
    expect(h.queues.map((q) => q.name).sort()).toEqual(['email', 'imports', 'maintenance', 'reminders']);
    expect(h.queues.find((q) => q.name === 'email')!.failed).toBe(1);
    expect(h.queues.find((q) => q.name === 'reminders')!.failed).toBe(1);
    expect(h.failedJobs.map((j) => j.id)).toEqual([harborJob]);
    expect(h.failedJobs[0]).toMatchObject({ queue: 'reminders', failedReason: 'The mail server refused the address (550)', attemptsMade: 1 });
    expect(JSON.stringify(h)).not.toMatch(/Northstar-only|at .*\.js:\d+/);
    const other = await s.signIn('admin@northstar.example');
    expect((await other.ok<Health>(HEALTH)).jobsHealth.failedJobs.map((j) => j.id)).toEqual([northstarJob]);
  });

  it('retries the admin’s own failed job; another organization’s job is not found, exactly like a random id', async () => {
    const r = await admin.ok<{ retryFailedJob: { id: string } }>(RETRY, { q: 'reminders', id: harborJob });
    expect(r.retryFailedJob.id).toBe(harborJob);
    const h = (await admin.ok<Health>(HEALTH)).jobsHealth;
    expect(h.failedJobs).toEqual([]);
    expect(h.queues.find((q) => q.name === 'reminders')!.waiting).toBeGreaterThanOrEqual(1);
    const foreign = await admin.gql(RETRY, { q: 'email', id: northstarJob });
    const ghost = await admin.gql(RETRY, { q: 'email', id: `x.${randomUUID()}` });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]).toEqual(ghost.errors?.[0]);
    expect((await admin.gql(RETRY, { q: 'no-such-queue', id: harborJob })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [audit] = await s.ds.query(`SELECT action, detail FROM audit_event WHERE action = 'job.retry' ORDER BY at DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ queue: 'reminders', jobId: harborJob });
  });

  it('is for admins only, and the demo clock cannot be moved where it is off', async () => {
    for (const who of ['coordinator@harbor.example', 'advocate@harbor.example', 'patient@harbor.example']) {
      const c = await s.signIn(who);
      expect((await c.gql(HEALTH)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const clock = await admin.ok<{ demoClock: { enabled: boolean } }>(`{ demoClock { enabled now offsetHours } }`);
    expect(clock.demoClock.enabled).toBe(false);
    const moved = await admin.gql(`mutation { advanceDemoClock(by: "+7d") { now } }`);
    expect(moved.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql(`mutation { advanceDemoClock(by: "yesterday") { now } }`)).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('a failed appointment reminder belongs to the appointment’s organization: its admin sees it and can retry it, another does not', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const date = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    await advocate.ok(`mutation($d: String!) { bookAppointment(input: { caseId: "${DEMO.cases.maria}", date: $d, time: "10:00", mode: PHONE, providerName: "Dr. Probe" }) { id } }`, { d: date });
    const [{ id: appointmentId }] = await s.ds.query(`SELECT id FROM appointment WHERE provider_name = 'Dr. Probe'`);
    const jobId = await makeFailedJob(s.app, QueueName.REMINDERS, { appointmentId, kind: 'DAY_BEFORE', on: date });
    expect((await admin.ok<Health>(HEALTH)).jobsHealth.failedJobs.map((j) => j.id)).toContain(jobId);
    const other = await s.signIn('admin@northstar.example');
    expect((await other.ok<Health>(HEALTH)).jobsHealth.failedJobs.map((j) => j.id)).not.toContain(jobId);
    expect((await other.gql(RETRY, { q: 'reminders', id: jobId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await admin.ok<{ retryFailedJob: { id: string } }>(RETRY, { q: 'reminders', id: jobId })).retryFailedJob.id).toBe(jobId);
  });
});
