import { QueryFailedError } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createRootLogger, PinoNestLogger } from './logger';
import { loggablePath } from './request-logging';
import { describeSafely, safeError } from './safe-error';

const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/x', REDIS_URL: 'redis://127.0.0.1:6379' });
const PHI = 'Rosalind Xanthopoulos';

function capture() {
  const lines: string[] = [];
  const root = createRootLogger(config, { service: 'api', destination: { write: (l: string) => void lines.push(l) } });
  return { root, text: () => lines.join('') };
}

function dbError(): QueryFailedError {
  const driverError = Object.assign(new Error(`duplicate key value violates unique constraint "uq_case_name"`), {
    code: '23505',
    constraint: 'uq_case_name',
    table: 'patient_case',
    detail: `Key (patient_name)=(${PHI}) already exists.`,
  });
  return new QueryFailedError('INSERT INTO patient_case (patient_name) VALUES ($1)', [PHI], driverError);
}

describe('log redaction', () => {
  it('redacts cookies, authorization, bodies, variables, passwords and tokens wherever a line carries them', () => {
    const { root, text } = capture();
    root.info(
      {
        req: {
          method: 'POST',
          url: '/graphql',
          headers: { cookie: `sl_session=${PHI}`, authorization: `Bearer ${PHI}`, 'x-forwarded-for': '203.0.113.9' },
          body: { variables: { patientName: PHI } },
          query: { q: PHI },
        },
        res: { headers: { 'set-cookie': `sl_session=${PHI}` } },
        body: { patientName: PHI },
        variables: { patientName: PHI },
        password: PHI,
        token: PHI,
        input: { variables: { patientName: PHI }, password: PHI, body: PHI, token: PHI },
        err: dbError(),
      },
      'request',
    );
    expect(text()).toContain('"msg":"request"');
    expect(text()).not.toContain(PHI);
    expect(text()).not.toContain('203.0.113.9');
    expect(text()).toContain('[redacted]');
  });

  it('logs a database error by its codes only, through Nest`s logger too', () => {
    const { root, text } = capture();
    new PinoNestLogger(root).error(dbError(), 'Somewhere');
    new PinoNestLogger(root).error({ msg: 'wrapped', err: new Error('outer', { cause: dbError() }) }, 'Somewhere');
    expect(text()).not.toContain(PHI);
    expect(text()).toContain('"code":"23505"');
    expect(text()).toContain('"constraint":"uq_case_name"');
    expect(safeError(dbError())).toEqual({ type: 'QueryFailedError', code: '23505', constraint: 'uq_case_name', table: 'patient_case' });
    // As pino's standard error serializer copies it (every enumerable field, the message too).
    expect(safeError({ type: 'QueryFailedError', message: PHI, stack: PHI, parameters: [PHI], code: '23505' })).toEqual({ type: 'QueryFailedError', code: '23505' });
    expect(describeSafely(dbError())).toBe('QueryFailedError 23505 on patient_case (uq_case_name)');
  });

  it('keeps our own errors` messages and stacks', () => {
    const e = new TypeError('cannot read x of undefined');
    expect(safeError(e)).toMatchObject({ type: 'TypeError', message: 'cannot read x of undefined' });
    expect(safeError(e).stack).toContain('logger.spec.ts');
  });

  it('logs paths without query strings or tokens', () => {
    expect(loggablePath(`/records?search=${encodeURIComponent(PHI)}`)).toBe('/records');
    expect(loggablePath('/invite/Xk3jf9aslkdfj3lkjasdf0912lkasjdf09aa')).toBe('/invite/:token');
    expect(loggablePath('/cases/0a000000-0000-4000-8000-000000000001')).toBe('/cases/0a000000-0000-4000-8000-000000000001');
  });
});
