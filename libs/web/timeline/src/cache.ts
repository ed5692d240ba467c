import type { Cache, KeyingConfig } from '@urql/exchange-graphcache';

/** The timeline and its phases have no ids: they live inside their Case in the one cache. */
export const timelineCacheKeys: KeyingConfig = {
  CaseTimeline: () => null,
  TimelinePhase: () => null,
};

/**
 * A stage move finishes phases and a change of urgency changes every target, but neither
 * mutation selects the timeline: drop the cached one so the panel asks the server again.
 */
export function refreshCaseTimeline(cache: Cache, caseId: string | undefined): void {
  if (caseId) cache.invalidate({ __typename: 'Case', id: caseId }, 'timeline');
}
