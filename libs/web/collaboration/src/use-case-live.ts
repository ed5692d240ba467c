import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useClient, useSubscription } from 'urql';
import { CaseArea, CaseEventKind } from '@second-look/domain';
import { CaseEventsSubscription, SetCasePresenceMutation, type CaseEvent } from '@second-look/contracts/graphql';
import { liveStatusStore, type LiveStatus } from './live-client';

/**
 * Keeps an open case page current: every change anyone makes arrives as an event and lands
 * in the cache (see live-cache.ts). The server starts each subscription with SUBSCRIBED; when
 * that comes again (the socket dropped and came back) the page refetches once to catch up.
 */
export function useCaseLive(caseId: string, resync: () => void): LiveStatus {
  const seen = useRef(false);
  const resyncRef = useRef(resync);
  resyncRef.current = resync;
  useEffect(() => {
    seen.current = false;
  }, [caseId]);
  const handle = useCallback((_prev: unknown, data: { caseEvents: CaseEvent }) => {
    if (data.caseEvents.kind === CaseEventKind.SUBSCRIBED) {
      if (seen.current) resyncRef.current();
      seen.current = true;
    }
    return data;
  }, []);
  useSubscription({ query: CaseEventsSubscription, variables: { caseId }, pause: !caseId }, handle);
  return useSyncExternalStore(liveStatusStore.subscribe, liveStatusStore.get);
}

const newViewId = (): string => {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `v${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};

/**
 * This tab's view of the case (its presence entry) and a way to tell the others what you are
 * editing. Holds no React state: focusing a field sends the mutation without drawing the case
 * page again (bench/case-page-renders.bench.ts measured a whole-page render per focus before).
 * Who is here is read by the presence bar itself (presence-bar.tsx).
 */
export function useCasePresence(caseId: string) {
  const viewId = useMemo(() => (caseId ? newViewId() : ''), [caseId]);
  const client = useClient();
  const current = useRef<CaseArea | null>(null);
  const clearTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const setEditing = useCallback(
    (area: CaseArea | null) => {
      if (clearTimer.current) clearTimeout(clearTimer.current);
      clearTimer.current = null;
      const apply = () => {
        if (current.current === area) return;
        current.current = area;
        void client.mutation(SetCasePresenceMutation, { caseId, viewId, editing: area }).toPromise();
      };
      // Moving from one field to the next blurs then focuses: only say "stopped" if nothing follows.
      if (area === null) clearTimer.current = setTimeout(apply, 800);
      else apply();
    },
    [caseId, viewId, client],
  );
  useEffect(
    () => () => {
      if (clearTimer.current) clearTimeout(clearTimer.current);
    },
    [],
  );

  return { viewId, setEditing };
}
