import { Job, UnrecoverableError } from 'bullmq';
import { parseClockStep } from './dev-clock/dev-clock.service';
import { QueryFailedError } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, dispatchJob, isPermanentFailure, JOB_RETENTION, permanentFailure, requireIds, withSafeFailure } from './job-settings';
import { messageIdFor } from './ledger/effect-ledger';

const job = (name: string, data: unknown) => ({ name, data, queueName: 'reminders' }) as unknown as Job;

describe('job helpers', () => {
  it('routes a job by name, and an unknown job fails for good (no retry)', async () => {
    await expect(dispatchJob(job('a', { x: 1 }), { a: async (d) => `ran ${JSON.stringify(d)}` })).resolves.toBe('ran {"x":1}');
    expect(() => dispatchJob(job('b', {}), { a: async () => 'x' })).toThrow(UnrecoverableError);
  });

  it("keeps a database error's values out of the failed reason, and still retries it", async () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "Maria Lopez"'), { code: '22P02', table: 'patient_case', severity: 'ERROR', routine: 'string_to_uuid' });
    const failing = async () => {
      throw new QueryFailedError('SELECT * FROM patient_case WHERE id = $1', ['Maria Lopez'], driverError);
    };
    const error = (await dispatchJob(job('a', {}), { a: failing }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('QueryFailedError 22P02 on patient_case');
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('Maria');
    expect(isPermanentFailure(error)).toBe(false);
    // Our own errors keep their words; a permanent one stays permanent.
    await expect(dispatchJob(job('a', {}), { a: async () => Promise.reject(new Error('timeout')) })).rejects.toThrow('timeout');
    const permanent = await dispatchJob(job('a', {}), { a: async () => Promise.reject(new UnrecoverableError('bad payload')) }).catch((e: unknown) => e);
    expect(isPermanentFailure(permanent)).toBe(true);
  });

  it('treats a payload without its ids as permanent', () => {
    expect(requireIds({ requestId: 'r1', extra: 2 }, 'requestId')).toMatchObject({ requestId: 'r1' });
    for (const bad of [{}, { requestId: '' }, { requestId: 5 }, null]) {
      let error: unknown;
      try {
        requireIds(bad, 'requestId');
      } catch (e) {
        error = e;
      }
      expect(isPermanentFailure(error)).toBe(true);
    }
    expect(isPermanentFailure(new Error('timeout'))).toBe(false);
  });

  it('fails a job handling patient data with a plain reason: the code of a database error, never its message', async () => {
    const refused = Object.assign(new Error('invalid input syntax for type date: "Iris Vale 1961-13-45"'), { code: '22007' });
    await expect(withSafeFailure('Nothing was imported', () => Promise.reject(refused))).rejects.toThrow(/^Nothing was imported \(database error 22007\)$/);
    await expect(withSafeFailure('Nothing was imported', () => Promise.reject(new TypeError('iris@example.org')))).rejects.toThrow(/^Nothing was imported \(TypeError\)$/);
    const permanent = await withSafeFailure('Nothing was imported', () => Promise.reject(permanentFailure('Iris Vale'))).catch((e: unknown) => e);
    expect(isPermanentFailure(permanent)).toBe(true);
    expect(String((permanent as Error).stack)).not.toContain('Iris');
    await expect(withSafeFailure('x', async () => 'done')).resolves.toBe('done');
  });

  it('keeps jobs by age, retries with exponential backoff and jitter', () => {
    expect(DEFAULT_JOB_OPTIONS.removeOnComplete).toEqual({ age: JOB_RETENTION.completedSeconds });
    expect(DEFAULT_JOB_OPTIONS.removeOnFail).toEqual({ age: JOB_RETENTION.failedSeconds });
    expect(DEFAULT_JOB_OPTIONS.backoff).toMatchObject({ type: 'exponential', jitter: expect.any(Number) });
    expect(JOB_RETENTION.ledgerDays * 86400).toBeGreaterThan(JOB_RETENTION.failedSeconds);
  });

  it('gives each effect one stable, valid Message-ID', () => {
    expect(messageIdFor('record-reminder.abc.LEGAL_DUE.2027-01-05')).toBe('<record-reminder.abc.LEGAL_DUE.2027-01-05@second-look.local>');
    expect(messageIdFor('a b:c')).toBe('<a-b-c@second-look.local>');
  });

  it('reads demo clock steps forward only', () => {
    expect(parseClockStep('+7d')).toBe(7 * 86_400_000);
    expect(parseClockStep('36h')).toBe(36 * 3_600_000);
    expect(parseClockStep(' +90m ')).toBe(90 * 60_000);
    for (const bad of ['-1d', '7', 'tomorrow', '+1w', '', '+99999d']) expect(() => parseClockStep(bad)).toThrow(RangeError);
  });
});
