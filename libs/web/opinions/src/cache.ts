import type { KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';

/** Value objects of the journey without ids live inside their Case. */
export const journeyCacheKeys: KeyingConfig = {
  OpinionAdvice: () => null,
};

/**
 * Moving the case back for another round, or closing it, changes its stage: the timeline and
 * the case lists read it, so they are asked again (the mutations answer with the opinions).
 */
const stageChanged: UpdateResolver = (_result, args, cache) => {
  const caseId = (args['caseId'] as string | undefined) ?? (args['input'] as { caseId?: string } | undefined)?.caseId;
  if (caseId) cache.invalidate({ __typename: 'Case', id: caseId }, 'timeline');
  cache
    .inspectFields('Query')
    .filter((f) => f.fieldName === 'cases')
    .forEach((f) => cache.invalidate('Query', f.fieldName, f.arguments ?? undefined));
};

export const journeyCacheUpdates: Record<string, UpdateResolver> = {
  startNextOpinionRound: stageChanged,
  closeCaseWithOutcome: stageChanged,
};
