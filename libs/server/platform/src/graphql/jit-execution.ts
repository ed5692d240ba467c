import { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { ExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** An operation seen once and not compiled yet. */
const SEEN_ONCE = Symbol('seen once');

/**
 * Compiled operations of one schema, least recently used first. Compiling costs more than one
 * run saves (about 4 ms for the records board against 2 ms saved per request), so an
 * operation is compiled the second time it comes, and graphql-js runs it the first time: the
 * web client's fixed set of operations is compiled within moments, while a caller who sends
 * endless distinct queries never makes the API compile one. A few hundred entries hold every
 * operation of the web client.
 */
export class CompiledOperations {
  private readonly entries = new Map<string, CompiledQuery | null | typeof SEEN_ONCE>();
  /** Operations compiled so far (a test reads it; a hit does not count). */
  compiles = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The compiled operation, or null for graphql-js to run it (first seen, or graphql-jit cannot compile it). */
  get(key: string, compile: () => CompiledQuery | ExecutionResult): CompiledQuery | null {
    const known = this.entries.get(key);
    if (known !== undefined && known !== SEEN_ONCE) {
      this.remember(key, known); // a hit moves it to the most recent end
      return known;
    }
    if (known === undefined) {
      this.remember(key, SEEN_ONCE);
      return null;
    }
    let made: CompiledQuery | ExecutionResult | null;
    try {
      made = compile();
    } catch {
      made = null; // graphql-jit threw on something it does not support: graphql-js runs it
    }
    this.compiles++;
    const compiled = made && isCompiledQuery(made) ? made : null;
    this.remember(key, compiled);
    return compiled;
  }

  private remember(key: string, value: CompiledQuery | null | typeof SEEN_ONCE): void {
    this.entries.delete(key); // Map order is the recency order
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export interface JitExecutionOptions {
  /** The same formatter Apollo is given as `formatError`: errors leave in one shape whichever executor ran. */
  formatError: FormatError;
  /** How many compiled operations to keep (default 500). */
  capacity?: number;
}

/**
 * Runs queries and mutations with graphql-jit instead of graphql-js, through Apollo's
 * `responseForOperation` hook (the one a response cache uses): parsing, validation (depth
 * and cost limits included), context, and every other plugin stay Apollo's. graphql-jit
 * compiles an operation into plain JavaScript for this schema, the second time it comes
 * (CompiledOperations); the records board spends about a fifth of the API thread in
 * graphql-js execution otherwise.
 *
 * - An operation's first run, an operation graphql-jit cannot compile, and subscriptions, are
 *   left to Apollo.
 * - Variables that do not fit their types are left to Apollo too, before any resolver ran
 *   (graphql-jit checks them first), so the answer is Apollo's own 400 BAD_USER_INPUT.
 * - Errors raised while resolving go through `formatError`, as Apollo would send them.
 */
export function jitExecutionPlugin(options: JitExecutionOptions): ApolloServerPlugin & { operations(schema: GraphQLSchema): CompiledOperations } {
  const bySchema = new WeakMap<GraphQLSchema, CompiledOperations>();
  const operations = (schema: GraphQLSchema) => {
    let cache = bySchema.get(schema);
    if (!cache) bySchema.set(schema, (cache = new CompiledOperations(options.capacity ?? 500)));
    return cache;
  };
  const listener: GraphQLRequestListener<object> = {
    async responseForOperation(ctx: GraphQLRequestContext<object>) {
      const kind = ctx.operation?.operation;
      if ((kind !== 'query' && kind !== 'mutation') || !ctx.document || !ctx.queryHash) return null;
      const operationName = ctx.operationName ?? undefined;
      const compiled = operations(ctx.schema).get(`${ctx.queryHash}:${operationName ?? ''}`, () =>
        compileQuery(ctx.schema, ctx.document as NonNullable<typeof ctx.document>, operationName, { disablingCapturingStackErrors: true }),
      );
      if (!compiled) return null;
      const result = await compiled.query(undefined, ctx.contextValue, ctx.request.variables ?? {});
      // No data at all: the variables were refused before execution began.
      if (!('data' in result)) return null;
      const errors = result.errors?.length ? result.errors.map((e: GraphQLError) => options.formatError(e.toJSON(), e)) : undefined;
      return {
        http: { status: undefined, headers: new HeaderMap() },
        body: { kind: 'single', singleResult: errors ? { errors, data: result.data } : { data: result.data } },
      };
    },
  };
  return {
    operations,
    async requestDidStart() {
      return listener;
    },
  };
}
