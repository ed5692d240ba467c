import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';
import { CaseEventKind } from '@second-look/domain';
import type { CaseEvent } from '@second-look/contracts/graphql';
import { refreshCaseTimeline } from '@second-look/web-timeline';

export const liveCacheKeys: KeyingConfig = {
  // Events and presence lists are messages, not records: kept inside their result only.
  CaseEvent: () => null,
  CasePresence: () => null,
  CaseActivityConnection: () => null,
};

type Ref = { __typename: string; id: string };

function linkInto(cache: Cache, parent: Ref, field: string, item: Ref, at: 'start' | 'end'): void {
  const key = cache.keyOfEntity(parent);
  const ref = cache.keyOfEntity(item);
  if (!key || !ref) return;
  const current = cache.resolve(key, field);
  if (!Array.isArray(current)) return; // not loaded: the next read fetches it
  if ((current as string[]).includes(ref)) return; // our own mutation already put it there
  cache.link(key, field, at === 'start' ? [ref, ...(current as string[])] : [...(current as string[]), ref]);
}

function unlinkFrom(cache: Cache, parent: Ref, field: string, item: Ref): void {
  const key = cache.keyOfEntity(parent);
  const ref = cache.keyOfEntity(item);
  const current = key ? cache.resolve(key, field) : null;
  if (key && ref && Array.isArray(current))
    cache.link(
      key,
      field,
      (current as string[]).filter((k) => k !== ref),
    );
}

function invalidateQueryField(cache: Cache, field: string): void {
  cache
    .inspectFields('Query')
    .filter((f) => f.fieldName === field)
    .forEach((f) => cache.invalidate('Query', f.fieldName, f.arguments ?? undefined));
}

/**
 * Case fields each journey event can change. These panels read lists and figures worked out
 * on the server (order, advice, closing problems), and a receiver's copy must be read with
 * their own rights (staff notes), so the fields are invalidated and every open panel re-reads
 * its query once: the same single cache, no copy of the server's rules in the browser.
 */
const JOURNEY_FIELDS: Partial<Record<CaseEventKind, readonly string[]>> = {
  [CaseEventKind.QUESTION_CHANGED]: ['questions'],
  [CaseEventKind.APPOINTMENT_CHANGED]: ['appointments'],
  [CaseEventKind.ANSWER_CHANGED]: ['appointments'],
  [CaseEventKind.OWN_TIMELINE_CHANGED]: ['ownTimeline', 'packet'],
  [CaseEventKind.OPINION_CHANGED]: ['opinions', 'opinionComparison', 'opinionAdvice', 'closingProblems'],
  // The insurance check's coverage hints follow the comparison (a Medicare third opinion).
  [CaseEventKind.OPINIONS_COMPARED]: ['opinionComparison', 'opinionAdvice', 'closingProblems', 'insuranceCheck'],
  [CaseEventKind.DECISION_CHANGED]: ['decision', 'closingProblems', 'opinionAdvice'],
  [CaseEventKind.PROVIDER_CHANGED]: ['providerCandidates', 'providerChoice', 'appointments'],
  [CaseEventKind.INSURANCE_CHANGED]: ['insuranceCheck', 'opinionAdvice'],
  [CaseEventKind.DOCTOR_SCRIPT_CHANGED]: ['doctorScript'],
  [CaseEventKind.STAGE_MOVED]: ['opinionAdvice', 'closingProblems', 'decision'],
  [CaseEventKind.TASK_CHANGED]: ['tasks'],
};

/** Drops a journey list of an entity removed elsewhere from the cache, so no screen shows it a moment longer. */
const REMOVED_TYPE: Partial<Record<CaseEventKind, string>> = {
  [CaseEventKind.QUESTION_CHANGED]: 'CaseQuestion',
  [CaseEventKind.OWN_TIMELINE_CHANGED]: 'OwnTimelineEntry',
  [CaseEventKind.PROVIDER_CHANGED]: 'ProviderCandidate',
  [CaseEventKind.TASK_CHANGED]: 'CaseTask',
};

export function refreshJourney(cache: Cache, e: Pick<CaseEvent, 'kind' | 'caseId' | 'entityId' | 'removed'>): void {
  const fields = JOURNEY_FIELDS[e.kind];
  if (!fields) return;
  const kase = { __typename: 'Case', id: e.caseId };
  for (const f of fields) cache.invalidate(kase, f);
  const type = REMOVED_TYPE[e.kind];
  if (e.removed && type && e.entityId) cache.invalidate({ __typename: type, id: e.entityId });
}

/**
 * What a live event does to the normalized cache. The event already carries the changed
 * entity with the fields the panels read (written to the cache by Graphcache itself), so
 * here it only has to appear in, or leave, the lists that show it; lists and figures that
 * depend on many rows (the board, the timeline, the activity feed) are invalidated and
 * re-read by whichever screen shows them.
 */
export function applyCaseEvent(cache: Cache, e: CaseEvent): void {
  const kase: Ref = { __typename: 'Case', id: e.caseId };
  switch (e.kind) {
    case CaseEventKind.SUBSCRIBED:
      return;
    case CaseEventKind.COMMENT_ADDED:
      if (e.comment) linkInto(cache, kase, 'comments', { __typename: 'Comment', id: e.comment.id }, 'end');
      break;
    case CaseEventKind.PACKET_ITEM_ADDED:
      if (e.packetItem) linkInto(cache, kase, 'packet', { __typename: 'PacketItem', id: e.packetItem.id }, 'end');
      break;
    case CaseEventKind.PACKET_ITEM_REMOVED:
      if (e.entityId) {
        unlinkFrom(cache, kase, 'packet', { __typename: 'PacketItem', id: e.entityId });
        cache.invalidate({ __typename: 'PacketItem', id: e.entityId });
      }
      break;
    case CaseEventKind.RECORD_REQUEST_CREATED:
      if (e.recordRequest) linkInto(cache, kase, 'recordRequests', { __typename: 'RecordRequest', id: e.recordRequest.id }, 'start');
      invalidateQueryField(cache, 'recordBoard');
      break;
    case CaseEventKind.RECORD_REQUEST_UPDATED:
      invalidateQueryField(cache, 'recordBoard');
      invalidateQueryField(cache, 'myDay');
      break;
    case CaseEventKind.TASK_CHANGED:
      invalidateQueryField(cache, 'myDay');
      break;
    case CaseEventKind.STAGE_MOVED:
    case CaseEventKind.LEAD_ADVOCATE_CHANGED:
      invalidateQueryField(cache, 'cases');
      refreshCaseTimeline(cache, e.caseId);
      break;
    case CaseEventKind.CASE_UPDATED:
    case CaseEventKind.TIMELINE_ADJUSTED:
      refreshCaseTimeline(cache, e.caseId);
      break;
    default:
      break;
  }
  refreshJourney(cache, e);
  const key = cache.keyOfEntity(kase);
  if (key) {
    cache
      .inspectFields(key)
      .filter((f) => f.fieldName === 'activity')
      .forEach((f) => cache.invalidate(key, 'activity', f.arguments ?? undefined));
  }
}

export const liveCacheUpdates: Record<string, UpdateResolver> = {
  caseEvents: (result, _args, cache) => {
    const e = result['caseEvents'] as CaseEvent | null | undefined;
    if (e) applyCaseEvent(cache, e);
  },
};
