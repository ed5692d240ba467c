import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { NextFunction, Request, Response } from 'express';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, SelectionSetNode, specifiedRules, validate } from 'graphql';
import { GRAPHQL_LIMITS, graphqlValidationRules, REQUEST_BUDGET } from './graphql-hardening';

/** The code every limit refusal carries, over HTTP and over the live socket alike (as Apollo's own validation errors). */
export const LIMIT_REFUSED_CODE = 'GRAPHQL_VALIDATION_FAILED';

interface Weight {
  tokens: number;
  aliases: number;
  directives: number;
}

/**
 * Weighs one document: tokens counted by graphql-armor's max-tokens lexer (which stops reading
 * at the limit, so a huge document costs no more than a legal one), and aliases and directives
 * with each fragment counted at every place it is spread (as graphql-armor's rules count them).
 * Answers a refusal message, or null for a document that does not parse (Apollo and graphql-ws
 * answer those with their own syntax error).
 */
function weigh(query: string): Weight | string | null {
  let document: DocumentNode;
  let tokens: number;
  try {
    const parser = new MaxTokensParserWLexer(query, { n: REQUEST_BUDGET.maxTokens, propagateOnRejection: true });
    document = parser.parseDocument();
    tokens = parser.tokenCount;
  } catch (e) {
    const message = e instanceof GraphQLError ? e.message : '';
    return /Token limit/.test(message) ? `Token limit of ${REQUEST_BUDGET.maxTokens} exceeded.` : null;
  }
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const memo = new Map<string, [number, number]>();
  const walk = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): [number, number] => {
    let aliases = 0;
    let directives = 0;
    for (const s of set?.selections ?? []) {
      directives += s.directives?.length ?? 0;
      let inner: [number, number] = [0, 0];
      if (s.kind === Kind.FIELD) {
        if (s.alias) aliases += 1;
        inner = walk(s.selectionSet, seen);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(s.selectionSet, seen);
      } else if (!seen.has(s.name.value)) {
        const name = s.name.value;
        inner = memo.get(name) ?? walk(fragments.get(name), new Set([...seen, name]));
        memo.set(name, inner);
      }
      aliases += inner[0];
      directives += inner[1];
    }
    return [aliases, directives];
  };
  const weight: Weight = { tokens, aliases: 0, directives: 0 };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const [aliases, directives] = walk(d.selectionSet, new Set());
    weight.aliases += aliases;
    weight.directives += directives + (d.directives?.length ?? 0) + (d.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  }
  return weight;
}

/** The weights of recent documents: the client sends the same few, so each is weighed once. */
const weights = new Map<string, Weight | string | null>();
const WEIGHT_CACHE_SIZE = 500;

function cachedWeight(query: string): Weight | string | null {
  let w = weights.get(query);
  if (w === undefined) {
    w = weigh(query);
    if (weights.size >= WEIGHT_CACHE_SIZE) weights.delete(weights.keys().next().value as string);
    weights.set(query, w);
  }
  return w;
}

/**
 * Checks the operations of one request (a single one, a batch, or one live subscription)
 * against one shared budget. Answers the refusal message, or null when they fit.
 */
export function overBudget(queries: readonly unknown[]): string | null {
  const total: Weight = { tokens: 0, aliases: 0, directives: 0 };
  for (const q of queries) {
    if (typeof q !== 'string') continue;
    const w = cachedWeight(q);
    if (typeof w === 'string') return w;
    if (!w) continue;
    total.tokens += w.tokens;
    total.aliases += w.aliases;
    total.directives += w.directives;
  }
  if (total.tokens > REQUEST_BUDGET.maxTokens) return `Token limit of ${REQUEST_BUDGET.maxTokens} exceeded.`;
  if (total.aliases > REQUEST_BUDGET.maxAliases) return `Aliases limit of ${REQUEST_BUDGET.maxAliases} exceeded, found ${total.aliases}.`;
  if (total.directives > REQUEST_BUDGET.maxDirectives) return `Directives limit of ${REQUEST_BUDGET.maxDirectives} exceeded, found ${total.directives}.`;
  return null;
}

function refuse(res: Response, message: string, code: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Runs before Apollo sees the body: caps the number of operations in a batch (clients may
 * batch; a batch must not carry hundreds of sign-in attempts) and refuses a request whose
 * operations together exceed the token, alias or directive budget, before anything is
 * executed. Per-operation depth, cost, alias and directive rules still run in validation
 * (graphqlValidationRules), for the live socket too.
 */
export function requestBudgetMiddleware(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (Array.isArray(body) && body.length > GRAPHQL_LIMITS.maxBatch) {
    return refuse(res, `A batch may hold at most ${GRAPHQL_LIMITS.maxBatch} operations.`, 'BATCH_TOO_LARGE');
  }
  const operations: unknown[] = Array.isArray(body) ? body : [req.method === 'GET' ? req.query : body];
  const refusal = overBudget(operations.map((o) => (o as { query?: unknown } | null)?.query));
  if (refusal) return refuse(res, refusal, LIMIT_REFUSED_CODE);
  next();
}

/** "Did you mean …?" names fields the caller did not ask for; production answers leave it out (as Apollo's hideSchemaDetailsFromClientErrors does over HTTP). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ Did you mean(.+?)\?$/, '');
}

/**
 * Validation for operations over the live socket (graphql-ws validates them itself): the same
 * rules as HTTP, and each refusal with the code Apollo gives it over HTTP, so a refused live
 * query reads the same as a refused HTTP one (not as an internal error).
 */
export function validateLiveOperation(schema: GraphQLSchema, document: DocumentNode, hideSchemaDetails: boolean): GraphQLError[] {
  return validate(schema, document, [...specifiedRules, ...graphqlValidationRules()]).map(
    (e) => new GraphQLError(hideSchemaDetails ? withoutSuggestions(e.message) : e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: LIMIT_REFUSED_CODE } }),
  );
}

/** The budget check of one live subscription's document, as an error list graphql-ws sends back (or undefined when it fits). */
export function liveOperationOverBudget(query: unknown): GraphQLError[] | undefined {
  const refusal = overBudget([query]);
  return refusal ? [new GraphQLError(refusal, { extensions: { code: LIMIT_REFUSED_CODE } })] : undefined;
}
