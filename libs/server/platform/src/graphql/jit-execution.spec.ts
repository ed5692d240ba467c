import { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { CompiledOperations, jitExecutionPlugin } from './jit-execution';

/** A small schema with what the API's resolvers do: promises, lists, a failing field, a non-null failure, a mutation with side effects. */
function buildSchema() {
  const calls: string[] = [];
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLString) },
      label: { type: GraphQLString, resolve: async (item: { id: string }) => `item ${item.id}` },
      secret: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } });
        },
      },
      required: {
        type: new GraphQLNonNull(GraphQLString),
        resolve: () => {
          throw new Error('database went away');
        },
      },
    },
  });
  const Holder = new GraphQLObjectType({ name: 'Holder', fields: { item: { type: Item }, items: { type: new GraphQLList(Item) } } });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: {
          type: new GraphQLList(Item),
          args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
          resolve: async (_root, args: { first: number }) => {
            calls.push(`items ${args.first}`);
            return Array.from({ length: args.first }, (_, i) => ({ id: `${i + 1}` }));
          },
        },
        holder: { type: Holder, resolve: () => ({ item: { id: 'h' }, items: [{ id: 'a' }] }) },
        whoami: { type: GraphQLString, resolve: (_root, _args, context: { user: string }) => context.user },
      },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        step: {
          type: GraphQLString,
          args: { name: { type: new GraphQLNonNull(GraphQLString) }, ms: { type: GraphQLInt } },
          resolve: async (_root, args: { name: string; ms?: number }) => {
            await new Promise((done) => setTimeout(done, args.ms ?? 0));
            calls.push(args.name);
            return args.name;
          },
        },
      },
    }),
  });
  return { schema, calls };
}

const formatError = (formatted: GraphQLFormattedError): GraphQLFormattedError => {
  const code = formatted.extensions?.['code'];
  return code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED'
    ? { message: formatted.message, path: formatted.path, extensions: { code } }
    : { message: 'Something went wrong on our side.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
};

async function start(withJit: boolean) {
  const { schema, calls } = buildSchema();
  const plugin = jitExecutionPlugin({ formatError });
  const server = new ApolloServer<{ user: string }>({ schema, formatError, plugins: withJit ? [plugin] : [] });
  await server.start();
  const run = async (query: string, variables?: Record<string, unknown> | null) => {
    const response = await server.executeOperation(variables ? { query, variables } : { query }, { contextValue: { user: 'maria' } });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status ?? 200, result: JSON.parse(JSON.stringify(response.body.singleResult)) as Record<string, unknown> };
  };
  return { server, run, calls, compiles: () => plugin.operations(schema).compiles };
}

// Every row has all three entries: Jest hands a shorter row's test a done callback instead.
const OPERATIONS: [string, string, Record<string, unknown> | null][] = [
  ['aliases, fragments and variables', 'query Page($n: Int!) { first: items(first: $n) { ...F } again: items(first: 1) { id } whoami } fragment F on Item { id label }', { n: 3 }],
  ['a field that refuses, beside fields that answer', '{ holder { item { id secret label } items { id } } }', null],
  ['a non-null field that fails nulls its parent', '{ holder { item { id required } items { id } } }', null],
  ['a mutation', 'mutation { a: step(name: "a", ms: 20) b: step(name: "b") }', null],
];

describe('jitExecutionPlugin', () => {
  const servers: ApolloServer<{ user: string }>[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.stop())));

  it.each(OPERATIONS)('answers exactly as graphql-js does: %s', async (_name, query, variables) => {
    const plain = await start(false);
    const jit = await start(true);
    servers.push(plain.server, jit.server);
    // The first run is graphql-js's on both servers; the second is compiled on the jit server.
    const expected = [await plain.run(query, variables), await plain.run(query, variables)];
    expect([await jit.run(query, variables), await jit.run(query, variables)]).toEqual(expected);
    expect(expected[1]).toEqual(expected[0]);
    expect(jit.calls).toEqual(plain.calls);
    expect(jit.compiles()).toBe(1); // and it really ran compiled
  });

  it('runs mutation fields one after another, in order', async () => {
    const jit = await start(true);
    servers.push(jit.server);
    const mutation = 'mutation { a: step(name: "a", ms: 30) b: step(name: "b") c: step(name: "c", ms: 10) }';
    await jit.run(mutation);
    const { result } = await jit.run(mutation);
    expect(jit.compiles()).toBe(1);
    expect(result).toEqual({ data: { a: 'a', b: 'b', c: 'c' } });
    expect(jit.calls).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('formats resolver errors with the given formatter: a refusal keeps its code, an internal fault says nothing', async () => {
    const jit = await start(true);
    servers.push(jit.server);
    await jit.run('{ holder { item { secret } } }');
    const { result } = await jit.run('{ holder { item { secret } } }');
    await jit.run('{ holder { item { required } } }');
    expect(result['errors']).toEqual([{ message: 'Not found', path: ['holder', 'item', 'secret'], extensions: { code: 'NOT_FOUND' } }]);
    const failed = await jit.run('{ holder { item { required } } }');
    expect(jit.compiles()).toBe(2); // both answers above came from compiled runs
    expect(failed.result['errors']).toEqual([{ message: 'Something went wrong on our side.', path: ['holder', 'item', 'required'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(failed.result)).not.toContain('database went away');
  });

  it('leaves variables of the wrong type to Apollo: its 400 BAD_USER_INPUT, and no resolver runs', async () => {
    const plain = await start(false);
    const jit = await start(true);
    servers.push(plain.server, jit.server);
    const query = 'query Page($n: Int!) { items(first: $n) { id } }';
    await jit.run(query, { n: 1 }); // compiled from the next run on
    await plain.run(query, { n: 1 });
    const refused = await jit.run(query, { n: 'many' });
    expect(jit.compiles()).toBe(1);
    expect(refused).toEqual(await plain.run(query, { n: 'many' }));
    expect(refused.status).toBe(400);
    expect((refused.result['errors'] as GraphQLFormattedError[])[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(jit.calls).toEqual(['items 1']);
  });

  it('compiles an operation the second time it comes, once, and reuses it; one seen once is never compiled', async () => {
    const jit = await start(true);
    servers.push(jit.server);
    await jit.run('{ whoami }');
    expect(jit.compiles()).toBe(0);
    for (const n of [1, 2, 3])
      expect((await jit.run('query Page($n: Int!) { items(first: $n) { id } }', { n })).result).toEqual({ data: { items: Array.from({ length: n }, (_, i) => ({ id: `${i + 1}` })) } });
    expect(jit.compiles()).toBe(1);
    await jit.run('{ whoami }');
    expect(jit.compiles()).toBe(2);
  });
});

describe('CompiledOperations', () => {
  const refused = () => ({ errors: [new GraphQLError('cannot compile')] });
  const twice = (cache: CompiledOperations, key: string) => [cache.get(key, refused), cache.get(key, refused)];

  it('keeps the most recently used operations up to its capacity', () => {
    const cache = new CompiledOperations(2);
    twice(cache, 'a');
    twice(cache, 'b');
    cache.get('a', refused); // a is now the most recent
    twice(cache, 'c'); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.compiles).toBe(3);
    cache.get('a', refused);
    expect(cache.compiles).toBe(3);
    twice(cache, 'b');
    expect(cache.compiles).toBe(4);
  });

  it('compiles nothing for an operation seen once', () => {
    const cache = new CompiledOperations(2);
    const compile = jest.fn(refused);
    expect(cache.get('a', compile)).toBeNull();
    expect(compile).not.toHaveBeenCalled();
    cache.get('a', compile);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('treats a compiler that throws like one that refuses: no compiled operation, and it is not retried', () => {
    const cache = new CompiledOperations(2);
    const throws = () => {
      throw new Error('unsupported');
    };
    expect(twice(cache, 'a')).toEqual([null, null]);
    expect(cache.get('a', throws)).toBeNull();
    expect(cache.compiles).toBe(1);
  });
});
