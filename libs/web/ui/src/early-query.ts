import { useEffect, useState } from 'react';
import type { AnyVariables, Client, DocumentInput, RequestPolicy } from 'urql';

/**
 * A landing page's first query, asked as the page's chunk arrives, beside the session check,
 * instead of after that check and the page's first render (docs/architecture.md, "First
 * screens"). The client sends one operation per query and variables while anyone listens, so the
 * page's own `useQuery` shares this one; the early listener lets go once the page listens itself,
 * or after half a minute if the page never comes (a redirect to sign in).
 */
const held = new Map<string, () => void>();

export function startEarlyQuery<Data, Variables extends AnyVariables>(client: Client, name: string, query: DocumentInput<Data, Variables>, variables: Variables): void {
  if (held.has(name)) return;
  const { unsubscribe } = client.query(query, variables, { requestPolicy: 'cache-and-network' }).subscribe(() => undefined);
  const timer = setTimeout(() => held.get(name)?.(), 30_000);
  held.set(name, () => {
    clearTimeout(timer);
    held.delete(name);
    unsubscribe();
  });
}

/**
 * The request policy for a page's first query named `name`: `cache-first` when it was asked
 * early (its answer is the fresh one: asking again would send it twice and draw the page twice),
 * `otherwise` else. Fixed for the page's life (a changed policy re-executes the query). Call it
 * for the `useQuery` it feeds; the early listener lets go after the page's own one has started.
 */
export function useEarlyQueryPolicy(name: string, otherwise: RequestPolicy): RequestPolicy {
  const [policy] = useState<RequestPolicy>(() => (held.has(name) ? 'cache-first' : otherwise));
  useEffect(() => {
    // After every effect of this commit, the page's useQuery subscription among them.
    const timer = setTimeout(() => held.get(name)?.(), 0);
    return () => clearTimeout(timer);
  }, [name]);
  return policy;
}
