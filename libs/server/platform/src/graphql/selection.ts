import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects at `path` below the field being resolved
 * (`['requests', 'nodes']` from recordBoard), through inline fragments and named fragments.
 * Over-inclusive on purpose (a field under @skip or @include counts as selected): a service
 * uses this to leave out work nobody asked for, and reading a little too much is harmless.
 */
export function selectedFieldNames(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[] = []): Set<string> {
  const fieldsOf = (sets: readonly SelectionSetNode[]): FieldNode[] => {
    const out: FieldNode[] = [];
    const walk = (set: SelectionSetNode) => {
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) out.push(sel);
        else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
        else {
          const fragment = info.fragments[sel.name.value];
          if (fragment) walk(fragment.selectionSet);
        }
      }
    };
    sets.forEach(walk);
    return out;
  };
  let sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const name of path) sets = fieldsOf(sets).flatMap((f) => (f.name.value === name && f.selectionSet ? [f.selectionSet] : []));
  return new Set(fieldsOf(sets).map((f) => f.name.value));
}
