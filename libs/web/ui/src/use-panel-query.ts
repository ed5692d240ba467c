import { useEffect, useState } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryResponse } from 'urql';

/**
 * A panel's query: what the cache holds at once, then a fresh answer from the server (urql's
 * cache-and-network), but the server is asked only once the panel is on screen.
 *
 * urql asks the server while a component renders. A panel drawn in a transition (the case page's
 * later parts, `useProgressiveCount`) is drawn again from the start whenever another update comes
 * first, and when a component already on screen reads the same query (the case page's index reads
 * the records and the visits, What to do next the tasks), the server's answer (offline, its
 * failure) is such an update: each new attempt asked again, and the parts behind it could stay on
 * their loaders for as long as it went on. Here the render reads the cache only, and the question
 * goes out after the commit.
 */
export function usePanelQuery<Data, Variables extends AnyVariables>(args: UseQueryArgs<Variables, Data>): UseQueryResponse<Data, Variables> {
  const [shown, setShown] = useState(false);
  useEffect(() => setShown(true), []);
  const [result, reexecute] = useQuery<Data, Variables>({ ...args, requestPolicy: shown ? 'cache-and-network' : 'cache-only' } as UseQueryArgs<Variables, Data>);
  // Until then an empty cache is "loading", not "nothing there".
  return [shown || result.data ? result : { ...result, fetching: true }, reexecute];
}
