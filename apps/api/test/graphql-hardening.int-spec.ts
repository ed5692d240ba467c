import { RecordBoardQuery } from '@second-look/contracts/graphql';
import { GRAPHQL_LIMITS, graphqlValidationRules, PAGED_LISTS } from '@second-look/server-platform';
import { print } from 'graphql';
import { buildSchema, parse, validate } from 'graphql';
import { startTestStack, TestStack } from './support/test-stack';

describe('GraphQL hardening', () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('hardening')));
  afterAll(() => s?.close());

  it('refuses a GET query without a CSRF-safe header (Apollo CSRF prevention)', async () => {
    const res = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(res.status).toBe(400);
  });

  it('caps the number of operations in a batch', async () => {
    const op = { query: '{ me { id } }' };
    const r = await s.client().raw(Array(11).fill(op));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('BATCH_TOO_LARGE');
    const ok = await s.client().raw(Array(10).fill(op));
    expect(ok.status).toBe(200);
  });

  it('refuses queries that are too deep', () => {
    // Today's schema has no cycle deep enough to reach the limit, so the rules we install
    // are checked against a recursive schema; the live API runs the same rule list.
    const schema = buildSchema(`type Node { id: ID! child: Node } type Query { root: Node }`);
    const depth = (n: number) => `{ root { ${'child { '.repeat(n)}id${' }'.repeat(n)} } }`;
    expect(validate(schema, parse(depth(GRAPHQL_LIMITS.maxDepth - 2)), graphqlValidationRules())).toEqual([]);
    const errors = validate(schema, parse(depth(GRAPHQL_LIMITS.maxDepth + 2)), graphqlValidationRules());
    expect(errors.map((e) => e.message).join()).toMatch(/depth/i);
  });

  it('refuses an expensive query by cost', async () => {
    const c = await s.signIn('coordinator@harbor.example');
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: cases { nodes { id patientName stage comments { id body } } }`).join(' ');
    const r = await c.gql(`{ ${aliases} }`);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers the web board’s own document at the largest page it advertises, and refuses a larger page in plain words', async () => {
    const c = await s.signIn('coordinator@harbor.example');
    const max = PAGED_LISTS['Query.recordBoard'].max;
    const board = print(RecordBoardQuery);
    const r = await c.gql<{ recordBoard: { requests: { nodes: unknown[] } } }>(board, { sort: 'LEGAL_DUE_ON', first: max });
    expect(r.errors).toBeUndefined();
    expect(Array.isArray(r.data?.recordBoard.requests.nodes)).toBe(true);
    const over = await c.gql(board, { sort: 'LEGAL_DUE_ON', first: max + 1 });
    expect(over.errors?.[0]).toMatchObject({ message: `Ask for 1 to ${max} at a time.`, extensions: { code: 'VALIDATION_FAILED', details: { field: 'first' } } });
    // Three boards of 100 rows in one request are more than the cost limit allows (about 19 values a row).
    const rows = '{ requests { nodes { id version sentOn holderReceivedOn completedOn feeCents ageDays overall holder { id name } case { id patientName urgency } } } }';
    const twice = await c.gql(`query($n: Int!) { a: recordBoard(first: $n) ${rows} b: recordBoard(first: $n) ${rows} c: recordBoard(first: $n) ${rows} }`, { n: max });
    expect(twice.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(twice.errors?.[0].message).toMatch(/too much at once/);
  });

  it('returns domain errors with codes and never a stack trace', async () => {
    const c = await s.signIn('advocate@harbor.example');
    const r = await c.gql(`{ case(id: "0c000000-0000-4000-8000-0000000000ff") { id } }`);
    expect(r.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', status: 404 });
    const bad = await c.gql(`mutation { createCase(input: { patientName: "", question: "", diagnosisInDoubt: "x", triggers: [], urgency: ROUTINE }) { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
  });

  it('answers the health check', async () => {
    const res = await fetch(`${s.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });
});
