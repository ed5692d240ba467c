import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

// Every string and URL input of the schema gets hostile values, found by walking the schema
// itself: a new operation or input field is covered without touching this file. Nothing may
// answer INTERNAL_SERVER_ERROR; a NUL character and a non-web URL must be refused.

const MARIA = '0c000000-0000-4000-8000-000000000001';
const NUL = 'a\u0000b';
const MIXED = `'; DROP TABLE patient_case; -- <script>alert(1)</script> \ud800 \u202e 🙂 %s %n ../../etc/passwd`;
const LONG = 'x'.repeat(100_000);
const BAD_URLS = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'];
const URL_FIELD = /url|link|website|href/i;
/** Codes that say "refused", whichever check came first (the role guard runs before input checks). */
const REFUSED = new Set([
  'VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'INVITATION_INVALID',
  'CONFLICT',
  'STALE_VERSION',
  'INVALID_STAGE_MOVE',
  'PAYLOAD_TOO_LARGE',
  'LAST_ADMIN',
  'CANNOT_DEACTIVATE_SELF',
  'NOT_OVERDUE',
  'LINK_INVALID',
]);

type Named = GraphQLArgument | GraphQLInputField;
/** One string leaf of an operation's arguments: the path of names from the argument down. */
type Leaf = Named[];

function stringLeaves(named: Named, seen: ReadonlySet<string>): Leaf[] {
  const type = getNamedType(named.type);
  if (isScalarType(type) && (type.name === 'String' || type.name === 'ID')) return [[named]];
  if (isInputObjectType(type) && !seen.has(type.name)) {
    const next = new Set([...seen, type.name]);
    return Object.values(type.getFields()).flatMap((f) => stringLeaves(f, next).map((leaf) => [named, ...leaf]));
  }
  return [];
}

/** A plausible value for a field that must be filled but is not under test. */
function filler(name: string, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return filler(name, type.ofType);
  if (isListType(type)) return [filler(name, type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = filler(f.name, f.type);
    return out;
  }
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return /^(id|caseId)$/.test(name) ? MARIA : randomUUID();
  }
  if (/email/i.test(name)) return 'hostile-input@example.org';
  if (/password/i.test(name)) return 'a-long-enough-password-1';
  if (/zone/i.test(name)) return 'America/New_York';
  if (URL_FIELD.test(name)) return 'https://example.org/';
  if (/(On|Date|date)$/.test(name)) return '2027-03-15';
  if (/At$/.test(name)) return '2027-03-15T10:00:00.000Z';
  if (/time$/i.test(name)) return '10:00';
  return 'Example text';
}

/** Arguments with `value` at the leaf and fillers for everything required around it. */
function argumentsFor(field: GraphQLField<unknown, unknown>, leaf: Leaf, value: unknown): Record<string, unknown> {
  const put = (named: Named, rest: Leaf): unknown => {
    const type = isNonNullType(named.type) ? named.type.ofType : named.type;
    const inner = isListType(type) ? (isNonNullType(type.ofType) ? type.ofType.ofType : type.ofType) : type;
    let v: unknown;
    if (!rest.length) v = value;
    else {
      const base = filler(named.name, inner as GraphQLInputType) as Record<string, unknown>;
      v = { ...base, [rest[0].name]: put(rest[0], rest.slice(1)) };
    }
    return isListType(type) ? [v] : v;
  };
  const args: Record<string, unknown> = {};
  for (const a of field.args) if (isNonNullType(a.type)) args[a.name] = filler(a.name, a.type);
  args[leaf[0].name] = put(leaf[0], leaf.slice(1));
  return args;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) || (!isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type))) ? ' { __typename }' : '';
  return `${kind}${vars ? `(${vars})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

interface Probe {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  leaf: Leaf;
}

function probes(schema: GraphQLSchema): Probe[] {
  const out: Probe[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) for (const leaf of stringLeaves(arg, new Set())) out.push({ kind, field, leaf });
    }
  }
  return out;
}

describe('hostile values in every string and URL input of the schema', () => {
  let s: TestStack;
  let adminCookie: string | null;
  beforeAll(async () => {
    s = await startTestStack('hostile-input');
    adminCookie = (await s.signIn('admin@harbor.example')).cookie;
  });
  afterAll(() => s?.close());

  it('never answers with an internal error; refuses NUL characters and non-web URLs', async () => {
    const all = probes(s.app.get(GraphQLSchemaHost).schema);
    const urls = all.filter((p) => URL_FIELD.test(p.leaf[p.leaf.length - 1].name));
    expect(all.length).toBeGreaterThan(100);
    // The walk finds the URL inputs known today (and any added later).
    expect(urls.map((p) => `${p.field.name}.${p.leaf.map((n) => n.name).join('.')}`)).toEqual(
      expect.arrayContaining(['createRecordHolder.input.portalUrl', 'updateRecordHolder.input.portalUrl', 'bookAppointment.input.videoLink', 'updateAppointment.input.videoLink']),
    );
    const problems: string[] = [];
    let requests = 0;
    for (const p of all) {
      const where = `${p.field.name}(${p.leaf.map((n) => n.name).join('.')})`;
      const isUrl = URL_FIELD.test(p.leaf[p.leaf.length - 1].name);
      const values: Array<[string, string]> = [['NUL', NUL], ['mixed', MIXED], ['long', LONG], ...(isUrl ? BAD_URLS.map((u): [string, string] => [`url ${u.slice(0, 12)}`, u]) : [])];
      for (const [label, value] of values) {
        // A fresh client per request with the admin's cookie: a hostile sign-in or sign-up must not change who we are.
        const c = new GqlClient(s.url);
        c.cookie = adminCookie;
        const r = await c.gql(operationFor(p.kind, p.field), argumentsFor(p.field, p.leaf, value));
        requests += 1;
        const codes = (r.errors ?? []).map((e) => e.extensions?.code ?? '(none)');
        const answered = r.data?.[p.field.name] !== undefined && r.data?.[p.field.name] !== null;
        if (r.status >= 500 || codes.some((c) => !REFUSED.has(c))) problems.push(`${where} ${label}: HTTP ${r.status} ${codes.join(',')} ${r.errors?.[0]?.message ?? ''}`);
        else if ((label === 'NUL' || label.startsWith('url')) && answered) problems.push(`${where} ${label}: accepted`);
        else if (label === 'NUL' && !codes.some((c) => ['VALIDATION_FAILED', 'BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED'].includes(c))) {
          problems.push(`${where} NUL: refused with ${codes.join(',')} rather than a validation code`);
        }
      }
    }
    console.log(
      `hostile input: ${requests} requests over ${all.length} string inputs (${urls.length} URL inputs: ${urls.map((p) => `${p.field.name}.${p.leaf.map((n) => n.name).join('.')}`).join(', ')})`,
    );
    expect(problems).toEqual([]);
  });

  it('refuses the cases first reported, by name, with a validation code and the field', async () => {
    const admin = new GqlClient(s.url);
    admin.cookie = adminCookie;
    const refused = async (query: string, variables: Record<string, unknown>, field: string) => {
      const r = await admin.gql(query, variables);
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', details: { field } } });
    };
    await refused('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { caseId: MARIA, body: NUL, internal: false } }, 'input.body');
    await refused(
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      { input: { patientName: NUL, question: 'Is surgery needed?', diagnosisInDoubt: 'x', triggers: [], urgency: 'ROUTINE' } },
      'input.patientName',
    );
    await refused('mutation($input: RecordHolderInput!) { createRecordHolder(input: $input) { id } }', { input: { name: 'Hostile', portalUrl: 'javascript:alert(1)' } }, 'portalUrl');
    const { createRecordHolder: holder } = await admin.ok<{ createRecordHolder: { id: string } }>('mutation($input: RecordHolderInput!) { createRecordHolder(input: $input) { id } }', {
      input: { name: 'Mercy Lakes Hospital', portalUrl: 'https://portal.mercylakes.example' },
    });
    for (const portalUrl of ['javascript:alert(1)', 'http://portal.mercylakes.example']) {
      await refused('mutation($input: UpdateRecordHolderInput!) { updateRecordHolder(input: $input) { id } }', { input: { id: holder.id, name: 'Mercy Lakes Hospital', portalUrl } }, 'portalUrl');
    }
    const kept = await admin.ok<{ recordHolders: Array<{ id: string; portalUrl: string }> }>('{ recordHolders { id portalUrl } }');
    expect(kept.recordHolders.find((h) => h.id === holder.id)?.portalUrl).toBe('https://portal.mercylakes.example');
  });
});
