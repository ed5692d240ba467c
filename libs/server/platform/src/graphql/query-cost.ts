import {
  getNamedType,
  GraphQLError,
  isObjectType,
  isInterfaceType,
  Kind,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ArgumentNode,
} from 'graphql';
import { PAGED_LISTS, type PagedList } from './page-sizes';

/*
 * The cost limit: roughly how many values an answer can carry, counted before the operation
 * runs. A scalar costs 1 and an object 2 (it runs a resolver), as in graphql-armor's cost limit,
 * which this replaces because of how it counts pages: armor multiplies the whole field that takes
 * `first` (the board's counts, holder groups and pageInfo too) by a literal `first`, and counts a
 * page size sent as a variable, as every client document does, as one row. Here only the rows are
 * multiplied (the path in PAGED_LISTS), by the size asked for: a literal (at most the list's
 * largest page, since a larger one is refused), a variable at the largest page (its value is not
 * known yet), and no argument at the default. A list without `first` counts as one element, as
 * before. `__typename` is free (urql adds it everywhere; no resolver runs for it). Depth is
 * capped by its own rule, so it adds nothing here.
 */

const OBJECT_COST = 2;
const SCALAR_COST = 1;

/** The rows of a paged list still below the current field: the remaining path and the page size. */
interface Page {
  readonly rest: readonly string[];
  readonly size: number;
}

const paged = (parent: GraphQLNamedType | null, field: string): PagedList | undefined => (parent ? (PAGED_LISTS as Record<string, PagedList>)[`${parent.name}.${field}`] : undefined);

function sizeOf(list: PagedList, args: readonly ArgumentNode[] | undefined): number {
  const first = args?.find((a) => a.name.value === 'first');
  if (!first) return list.default;
  if (first.value.kind === Kind.INT) return Math.min(Math.max(Number(first.value.value), 1), list.max);
  return list.max;
}

/** The cost of one operation of a validated document (fragments flattened, cycles refused). */
export function operationCost(context: ValidationContext, operation: OperationDefinitionNode): number {
  const schema = context.getSchema();
  const root = schema.getRootType(operation.operation) ?? null;
  const inFragments = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | null, page: Page | null): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name === '__typename') continue;
        if (!sel.selectionSet) {
          total += SCALAR_COST;
          continue;
        }
        const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        const type = def ? getNamedType(def.type) : null;
        const list = paged(parent, name);
        const rowsHere = page && page.rest[0] === name;
        // A paged list starts its own page; otherwise a field on the way to the rows passes it on.
        const next: Page | null = list ? { rest: list.rows, size: sizeOf(list, sel.arguments) } : rowsHere && page.rest.length > 1 ? { rest: page.rest.slice(1), size: page.size } : null;
        const one = OBJECT_COST + walk(sel.selectionSet, type, next && next.rest.length ? next : null);
        total += rowsHere && page.rest.length === 1 ? one * page.size : one;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? null) : parent;
        total += walk(sel.selectionSet, type, page);
      } else {
        const name = sel.name.value;
        const fragment = context.getFragment(name);
        if (!fragment) continue;
        // A fragment that spreads itself is refused by graphql-js (NoFragmentCycles); never loop on it here.
        if (inFragments.has(name)) return Number.POSITIVE_INFINITY;
        inFragments.add(name);
        total += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? null, page);
        inFragments.delete(name);
      }
    }
    return total;
  };

  return walk(operation.selectionSet, root, null);
}

export interface QueryCostOptions {
  readonly maxCost: number;
  /** Told the cost of every operation (tests read it; the limit does not depend on it). */
  readonly onCost?: (cost: number, operation: OperationDefinitionNode) => void;
}

/** Refuses an operation whose cost is above `maxCost`, as an ordinary validation error (400, not 500). */
export const queryCostRule =
  (options: QueryCostOptions): ValidationRule =>
  (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const cost = operationCost(context, operation);
      options.onCost?.(cost, operation);
      if (cost > options.maxCost) {
        context.reportError(new GraphQLError(`This asks for too much at once (cost ${cost}, the limit is ${options.maxCost}). Ask for fewer rows or fewer fields.`, { nodes: [operation] }));
      }
    },
  });
