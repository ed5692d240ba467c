import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';

/** The choice and its strengths have no ids: they live inside their Case in the one cache. */
export const providersCacheKeys: KeyingConfig = {
  ProviderChoice: () => null,
  CandidateStrengths: () => null,
  // The patient library's words (scripts, suggested questions, stage guide): no ids, one list per language asked for.
  BuiltInDoctorScript: () => null,
  SuggestedQuestion: () => null,
  StageGuide: () => null,
};

const invalidateQueryField = (cache: Cache, field: string) =>
  cache
    .inspectFields('Query')
    .filter((f) => f.fieldName === field)
    .forEach((f) => cache.invalidate('Query', f.fieldName, f.arguments ?? undefined));

/** Every mutation that changes candidates answers the Case; only the org-wide lists need a nudge. */
export const providersCacheUpdates: Record<string, UpdateResolver> = {
  createDirectoryProvider: (_r, _a, cache) => invalidateQueryField(cache, 'providerDirectory'),
  createDoctorScript: (_r, _a, cache) => invalidateQueryField(cache, 'doctorScripts'),
  deleteDoctorScript: (_r, args, cache) => cache.invalidate({ __typename: 'DoctorScript', id: args['id'] as string }),
};
