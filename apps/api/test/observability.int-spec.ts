import { MetricsEndpoint } from '@second-look/server-platform';
import { DEMO } from '../src/seed/demo-seed';
import { startTestStack, TestStack } from './support/test-stack';

/**
 * Logs and metrics (docs/operations.md, "Logs" and "Metrics"): a mutation that fails in the
 * database with a patient's name in it leaves a log line with the request id, the operation
 * and the caller's ids, and nothing of the patient's, the session or the headers; /metrics
 * answers on its own port (with its token) for the API and the worker.
 */
const PATIENT = 'Zyxwanda Quillfeather';
const QUESTION = 'Is the Xerbliss tumor benign';
const TOKEN = 'metrics-token-0123456789abcdef';

let s: TestStack;
const lines: string[] = [];

beforeAll(async () => {
  s = await startTestStack('observability', { worker: true, logTo: { write: (l: string) => void lines.push(l) }, env: { METRICS_PORT: '0', METRICS_TOKEN: TOKEN, LOG_LEVEL: 'debug' } });
  // A database refusal that quotes the value, as PostgreSQL's own messages and details do
  // ('invalid input syntax …: "<value>"', 'Key (…)=(<value>) already exists').
  await s.ds.query(`CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.patient_name LIKE 'Zyx%' THEN RAISE EXCEPTION 'case refused for %', NEW.patient_name USING DETAIL = NEW.question; END IF; RETURN NEW; END $$`);
  await s.ds.query('CREATE TRIGGER refuse_case BEFORE INSERT ON patient_case FOR EACH ROW EXECUTE FUNCTION refuse_case()');
});
afterAll(() => s?.close());

/** The value of a sample, its labels in any order. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = new Map([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) return Number(m[3]);
  }
  return null;
}

async function scrape(port: number | null, token: string | null = TOKEN): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text() };
}

describe('logs', () => {
  it('logs a failing mutation with its request id, operation and caller, and nothing of the patient', async () => {
    const c = await s.signIn('coordinator@harbor.example');
    const cookie = c.cookie!;
    const r = await c.raw(
      {
        query: `mutation CreateCase($n: String!, $q: String!) { createCase(input: { patientName: $n, question: $q, diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: ROUTINE }) { id } }`,
        variables: { n: PATIENT, q: QUESTION },
      },
      { 'x-request-id': 'req-observability-1', authorization: 'Bearer secret-bearer-value' },
    );
    expect((r.json as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    // A query string with a name in it, on a route that refuses the caller.
    await fetch(`${s.url}/api/documents/00000000-0000-4000-8000-000000000000?name=${encodeURIComponent(PATIENT)}`, { headers: { 'x-request-id': 'req-observability-2' } });
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Nothing of the patient's (the name and question, in the variables and the database's error), the session, the headers.
    const all = lines.join('\n');
    for (const secret of [PATIENT, 'Zyxwanda', QUESTION, 'Xerbliss', cookie.split('=')[1], 'secret-bearer-value', 'demo-password-123']) expect(all).not.toContain(secret);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requestLine = parsed.find((l) => l.reqId === 'req-observability-1' && l.operation === 'CreateCase');
    expect(requestLine).toMatchObject({
      service: 'api',
      level: 'info',
      userId: DEMO.users.harborCoordinator,
      organizationId: DEMO.orgs.harbor,
      errors: ['INTERNAL_SERVER_ERROR'],
      method: 'POST',
      url: '/graphql',
      status: 200,
    });
    expect(typeof requestLine!.responseTime).toBe('number');
    // The error line is inside the request: it carries the request's id, and the database's code only.
    const errorLine = parsed.find((l) => l.reqId === 'req-observability-1' && l.level === 'error' && l.context === 'GraphQLError');
    expect(errorLine).toMatchObject({ err: { type: 'QueryFailedError', code: 'P0001' } });
    expect(parsed.find((l) => l.reqId === 'req-observability-1' && l.context === 'Database')).toMatchObject({ level: 'error', msg: expect.stringContaining('query failed (P0001)') });
    const rest = parsed.find((l) => l.reqId === 'req-observability-2');
    expect(rest).toMatchObject({ method: 'GET', url: '/api/documents/00000000-0000-4000-8000-000000000000' });

    // The database's error is logged once, by the GraphQL formatter; Nest does not log it again whole.
    expect(parsed.filter((l) => l.reqId === 'req-observability-1' && l.context === 'ExceptionsHandler')).toEqual([]);

    // Readable as JSON lines, one per line.
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
  });

  it('logs a refusal (a wrong id, a wrong code) in its request line only, not as an error with a stack', async () => {
    const c = await s.signIn('coordinator@harbor.example');
    await c.raw({ query: `query { case(id: "00000000-0000-4000-8000-000000000000") { id } }` }, { 'x-request-id': 'req-observability-3' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === 'req-observability-3');
    expect(parsed.find((l) => l.errors !== undefined)).toMatchObject({ level: 'info', errors: ['NOT_FOUND'] });
    expect(parsed.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('gives a request without an id one, and answers it in X-Request-Id', async () => {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'has spaces and {json}' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('metrics', () => {
  it('serves the API metrics on their own port, only with the token', async () => {
    const port = s.app.get(MetricsEndpoint).port;
    expect(port).not.toBeNull();
    expect(port).not.toBe(new URL(s.url).port);
    expect((await scrape(port, null)).status).toBe(401);
    expect((await scrape(port, 'wrong-token-0123456789abcdef')).status).toBe(401);
    // Not on the public port.
    expect((await fetch(`${s.url}/metrics`)).status).not.toBe(200);
    const { status, text } = await scrape(port);
    expect(status).toBe(200);
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'CreateCase', type: 'mutation', service: 'api' })).toBe(1);
    expect(sample(text, 'graphql_errors_total', { code: 'INTERNAL_SERVER_ERROR', service: 'api' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200', service: 'api' })).toBeGreaterThan(1);
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/documents\/:id"[^}]*\} 1/);
    expect(sample(text, 'db_pool_connections', { state: 'idle', service: 'api' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'websocket_connections', { service: 'api' })).toBe(0);
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).not.toContain(PATIENT);
  });

  it('serves the worker metrics: queues, outbox backlog, job run times', async () => {
    const port = s.worker!.get(MetricsEndpoint).port;
    const { status, text } = await scrape(port);
    expect(status).toBe(200);
    for (const queue of ['email', 'reminders', 'maintenance']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(sample(text, 'bullmq_jobs', { queue, state, service: 'worker' })).toBeGreaterThanOrEqual(0);
    }
    expect(sample(text, 'outbox_pending_messages', { service: 'worker' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'outbox_oldest_pending_age_seconds', { service: 'worker' })).toBeGreaterThanOrEqual(0);
    expect(text).toContain('# TYPE bullmq_job_duration_seconds histogram');
    expect(sample(text, 'db_pool_connections', { state: 'in_use', service: 'worker' })).toBeGreaterThanOrEqual(0);
  });

  it('keeps operation names few: malformed or too many names count as "other"', async () => {
    const c = s.client();
    await c.raw({ query: 'query lower_case_name { __typename }', operationName: 'lower_case_name' });
    const { text } = await scrape(s.app.get(MetricsEndpoint).port);
    expect(text).not.toContain('lower_case_name');
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'other', type: 'query' })).toBe(1);
  });
});
