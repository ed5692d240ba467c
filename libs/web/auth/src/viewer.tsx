import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { MeQuery, SetMyLanguageMutation, type Language, type Viewer } from '@second-look/contracts/graphql';
import { currentLanguage, switchLanguage } from '@second-look/web-i18n';

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
  // The person's language follows them to every device: once we know who is reading, show theirs.
  const language = result.data?.me?.language;
  useEffect(() => {
    if (language && language !== currentLanguage()) void switchLanguage(language, { remember: true });
  }, [language]);
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

/** Switches the screen at once, then stores the choice on the person (every device, their e-mails). */
export function useChooseLanguage(): (language: Language) => Promise<void> {
  const [, setMyLanguage] = useMutation(SetMyLanguageMutation);
  return async (language) => {
    await switchLanguage(language, { remember: true });
    await setMyLanguage({ language });
  };
}
