import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as operations from '@second-look/contracts/graphql';
import { GRAPHQL_LIMITS, graphqlValidationRules, PAGED_LISTS, queryCostRule, type PagedList } from '@second-look/server-platform';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isObjectType,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
} from 'graphql';

// The largest page each list advertises and the cost limit are two limits on one request: every
// document the web client sends must pass the real validation rules at its largest page, so
// raising a page size or adding fields to a list fails here instead of on a coordinator's board.
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'libs', 'contracts', 'src', 'schema.gql'), 'utf8'));
const documents = Object.entries(operations).filter(
  (entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as { kind?: string }).kind === 'Document',
);
const lists = PAGED_LISTS as Record<string, PagedList>;

/** Every `first: $variable` written as a literal page size: what the client may send at most. */
function atPage(doc: DocumentNode, size: (list: PagedList) => number): DocumentNode {
  const types: string[] = [];
  return visit(doc, {
    OperationDefinition: { enter: (op) => void types.push(schema.getRootType(op.operation)?.name ?? '') },
    Field: {
      enter(field) {
        const parent = types[types.length - 1];
        const def = (schema.getType(parent) as GraphQLObjectType | undefined)?.getFields()[field.name.value];
        types.push(def ? getNamedType(def.type).name : '');
        const list = lists[`${parent}.${field.name.value}`];
        if (!list) return undefined;
        const args = (field.arguments ?? []).filter((a) => a.name.value !== 'first');
        return { ...field, arguments: [...args, { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(size(list)) } }] };
      },
      leave: () => void types.pop(),
    },
  });
}

function costOf(doc: DocumentNode): number {
  let cost = 0;
  validate(schema, doc, [queryCostRule({ maxCost: Number.MAX_SAFE_INTEGER, onCost: (n) => (cost += n) })]);
  return cost;
}

const errorsOf = (doc: DocumentNode) => validate(schema, doc, graphqlValidationRules()).map((e) => e.message);

describe('page sizes and the cost limit', () => {
  it('knows every list that takes `first`, with the schema’s default and a path to its rows', () => {
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const first = field.args.find((a) => a.name === 'first');
        if (!first) continue;
        const key = `${type.name}.${field.name}`;
        found.push(key);
        const list = lists[key];
        expect({ key, listed: !!list }).toEqual({ key, listed: true });
        expect({ key, default: first.defaultValue }).toEqual({ key, default: list.default });
        expect(first.description).toBe(`How many to return, from 1 to ${list.max}.`);
        let at = getNamedType(field.type);
        for (const step of list.rows) {
          const next = isObjectType(at) ? at.getFields()[step] : undefined;
          expect({ key, step, exists: !!next }).toEqual({ key, step, exists: true });
          at = getNamedType(next!.type);
        }
      }
    }
    expect(found.sort()).toEqual(Object.keys(PAGED_LISTS).sort());
  });

  it.each(documents)('%s passes the validation rules at its largest page', (_name, doc) => {
    expect(errorsOf(doc)).toEqual([]);
    expect(errorsOf(atPage(doc, (l) => l.max))).toEqual([]);
  });

  it('counts a page size sent as a variable at the largest page, and only the rows', () => {
    const board = operations.RecordBoardQuery as DocumentNode;
    const max = PAGED_LISTS['Query.recordBoard'].max;
    const [one, largest] = [costOf(atPage(board, () => 1)), costOf(atPage(board, (l) => l.max))];
    expect(costOf(board)).toBe(largest);
    // The counts, holder groups and pageInfo are counted once, the rows once per row.
    const perRow = (largest - one) / (max - 1);
    expect(one - perRow).toBeGreaterThan(0);
    expect(largest).toBe(one + perRow * (max - 1));
    expect(largest).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost);
    // Figures for the record (the README's cost-limit line): the costliest client documents.
    const costs = documents.map(([name, doc]) => [name, costOf(doc)] as const).sort((a, b) => b[1] - a[1]);
    console.log(
      `cost limit ${GRAPHQL_LIMITS.maxCost}; board row ${perRow}; costliest: ${costs
        .slice(0, 6)
        .map(([n, c]) => `${n} ${c}`)
        .join(', ')}`,
    );
  });

  it('lets the standard introspection query through (development tools; production turns introspection off)', () => {
    expect(costOf(parse(getIntrospectionQuery()))).toBeLessThan(GRAPHQL_LIMITS.maxCost);
  });

  it('refuses two largest boards in one request, aliases of a list at its default page, and a page larger than advertised', () => {
    const board = atPage(operations.RecordBoardQuery as DocumentNode, (l) => l.max);
    const op = board.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const field = op.selectionSet.selections[0] as FieldNode;
    expect(errorsOf(board)).toEqual([]);
    const twice: DocumentNode = { ...board, definitions: [{ ...op, selectionSet: { ...op.selectionSet, selections: [field, { ...field, alias: { kind: Kind.NAME, value: 'again' } }] } }] };
    expect(errorsOf(twice).join()).toMatch(/too much at once/);
    // A list without `first` counts its default page: aliases of the case list add up.
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: cases { nodes { id patientName stage comments { id body } } }`).join(' ');
    expect(errorsOf(parse(`{ ${aliases} }`)).join()).toMatch(/too much at once/);
    // A literal beyond the largest page is costed at the largest page: the resolver refuses it with VALIDATION_FAILED.
    expect(costOf(atPage(board, (l) => l.max * 10))).toBe(costOf(board));
  });
});
