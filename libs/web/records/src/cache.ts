import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';

/**
 * How the records screens live in the one normalized cache (Graphcache): value objects
 * without ids stay inside their parent, and each mutation puts its result where lists
 * already show it, so the packet, the case's requests and the board change in place.
 */
export const recordsCacheKeys: KeyingConfig = {
  ClockReading: () => null,
  RecordRequestItem: () => null,
  RecordBoard: () => null,
  RecordBoardCounts: () => null,
  RecordBoardHolderGroup: () => null,
  RecordRequestConnection: () => null,
};

function invalidateQueryField(cache: Cache, field: string): void {
  cache
    .inspectFields('Query')
    .filter((f) => f.fieldName === field)
    .forEach((f) => cache.invalidate('Query', f.fieldName, f.arguments ?? undefined));
}

/** Appends an entity to a list field of a cached parent, if that list is loaded. */
function append(cache: Cache, parent: { __typename: string; id: string }, field: string, item: { __typename?: string; id: string } | null | undefined, typename: string): void {
  if (!item) return;
  const key = cache.keyOfEntity(parent);
  const ref = cache.keyOfEntity({ ...item, __typename: item.__typename ?? typename });
  if (!key || !ref) return;
  const current = cache.resolve(key, field);
  if (!Array.isArray(current)) return; // not loaded: the next read fetches it
  if ((current as string[]).includes(ref)) return;
  cache.link(key, field, [...(current as string[]), ref]);
}

/** Counts and groups depend on every open request: a change re-reads the board. */
const refreshBoard: UpdateResolver = (_result, _args, cache) => invalidateQueryField(cache, 'recordBoard');

export const recordsCacheUpdates: Record<string, UpdateResolver> = {
  addPacketItem: (result, args, cache) => {
    const input = args['input'] as { caseId: string };
    append(cache, { __typename: 'Case', id: input.caseId }, 'packet', result['addPacketItem'] as { id: string } | null, 'PacketItem');
  },
  removePacketItem: (result, args, cache) => {
    if (!result['removePacketItem']) return;
    const ref = cache.keyOfEntity({ __typename: 'PacketItem', id: args['id'] as string });
    // Drop it from every cached case's packet, then forget the entity.
    cache
      .inspectFields('Query')
      .filter((f) => f.fieldName === 'case')
      .forEach((f) => {
        const caseKey = cache.resolve('Query', f.fieldName, f.arguments ?? undefined);
        if (typeof caseKey !== 'string') return;
        const packet = cache.resolve(caseKey, 'packet');
        if (Array.isArray(packet))
          cache.link(
            caseKey,
            'packet',
            (packet as string[]).filter((k) => k !== ref),
          );
      });
    cache.invalidate({ __typename: 'PacketItem', id: args['id'] as string });
  },
  createRecordRequest: (result, args, cache) => {
    const input = args['input'] as { caseId: string };
    const created = result['createRecordRequest'] as { id: string } | null;
    // Newest first, as the API lists them.
    const key = cache.keyOfEntity({ __typename: 'Case', id: input.caseId });
    if (created && key) {
      const ref = cache.keyOfEntity({ __typename: 'RecordRequest', id: created.id });
      const current = cache.resolve(key, 'recordRequests');
      if (ref && Array.isArray(current) && !(current as string[]).includes(ref)) cache.link(key, 'recordRequests', [ref, ...(current as string[])]);
    }
    invalidateQueryField(cache, 'recordBoard');
  },
  logRecordFollowUp: (result, args, cache) => {
    const input = args['input'] as { requestId: string };
    append(cache, { __typename: 'RecordRequest', id: input.requestId }, 'followUps', result['logRecordFollowUp'] as { id: string } | null, 'RecordFollowUp');
  },
  recordLegalExtension: refreshBoard,
  setRecordRequestHolderReceivedOn: refreshBoard,
  markRecordsReceived: refreshBoard,
  createRecordHolder: (result, _args, cache) => {
    const created = result['createRecordHolder'] as { id: string } | null;
    const ref = created ? cache.keyOfEntity({ __typename: 'RecordHolder', id: created.id }) : null;
    // The full directory gains the new holder at once (a form may be selecting it right now);
    // searched lists are asked again.
    cache
      .inspectFields('Query')
      .filter((f) => f.fieldName === 'recordHolders')
      .forEach((f) => {
        const current = cache.resolve('Query', f.fieldName, f.arguments ?? undefined);
        if (ref && !f.arguments?.['search'] && Array.isArray(current)) cache.link('Query', f.fieldName, f.arguments ?? undefined, [...(current as string[]), ref]);
        else cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
      });
  },
  // A renamed holder may now match (or miss) a search.
  updateRecordHolder: (_result, _args, cache) => invalidateQueryField(cache, 'recordHolders'),
};
