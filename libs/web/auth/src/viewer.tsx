import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { MeQuery, type Viewer } from '@second-look/contracts/graphql';

interface ViewerState {
  viewer: Viewer | null;
  /** True until the first answer to "who am I" arrives. */
  loading: boolean;
  error: CombinedError | undefined;
  refetch: () => void;
}

const ViewerContext = createContext<ViewerState>({
  viewer: null,
  loading: true,
  error: undefined,
  refetch: () => undefined,
});

/** Asks once "who am I" and shares the answer; the cache keeps it current after sign-in/out. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: MeQuery, variables: {} });
  const value: ViewerState = {
    viewer: result.data?.me ?? null,
    loading: result.fetching && !result.data,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export const useViewerState = (): ViewerState => useContext(ViewerContext);

/** For screens inside RequireViewer: the signed-in user, never null there. */
export function useViewer(): Viewer {
  const { viewer } = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside a signed-in route');
  return viewer;
}
