import { JobName } from '@second-look/contracts';
import { Job } from 'bullmq';
import { dispatchTypedJob, isPermanentFailure, parseJobPayload } from './job-settings';

const job = (name: string, data: unknown) => ({ name, data, queueName: 'reminders' }) as unknown as Job;

const failure = (run: () => unknown): Error => {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
};

describe('job payloads', () => {
  it('hands the handler its payload as the schema reads it', async () => {
    const seen: unknown[] = [];
    const handlers = {
      [JobName.SEND_TASK_REMINDER]: async (d: { taskId: string; on: string }) => {
        seen.push(d);
        return 'done' as const;
      },
    };
    await expect(dispatchTypedJob(job(JobName.SEND_TASK_REMINDER, { taskId: 't1', on: '2027-01-05', stray: 1 }), handlers)).resolves.toBe('done');
    expect(seen).toEqual([{ taskId: 't1', on: '2027-01-05' }]);
  });

  it('fails a bad payload for good, naming the fields and not their values', () => {
    const e = failure(() =>
      dispatchTypedJob(job(JobName.SEND_RECORD_REQUEST_REMINDER, { requestId: '', kind: 'SOMETHING', on: 'Jane Doe' }), { [JobName.SEND_RECORD_REQUEST_REMINDER]: async () => 'sent' }),
    );
    expect(isPermanentFailure(e)).toBe(true);
    expect(e.message).toContain('requestId');
    expect(e.message).toContain('kind: not a record reminder kind');
    expect(e.message).toContain('on: expected a YYYY-MM-DD date');
    expect(e.message).not.toContain('Jane Doe');
    expect(isPermanentFailure(failure(() => parseJobPayload(JobName.SEND_APPOINTMENT_REMINDER, null)))).toBe(true);
  });

  it('accepts every reminder kind the domain plans, and fails an unknown job for good', () => {
    expect(parseJobPayload(JobName.SEND_APPOINTMENT_REMINDER, { appointmentId: 'a1', kind: 'PRE_AUTH_EXPIRES', on: '2027-01-05', ref: 'c1' })).toMatchObject({ ref: 'c1' });
    expect(parseJobPayload(JobName.SEND_RECORD_REQUEST_REMINDER, { requestId: 'r1', kind: 'LEGAL_OVERDUE', on: '2027-01-05' }).kind).toBe('LEGAL_OVERDUE');
    expect(isPermanentFailure(failure(() => dispatchTypedJob(job('no-such-job', {}), {})))).toBe(true);
  });
});
