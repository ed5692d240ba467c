export { SearchLauncher } from './search-launcher';

/** Search answers are views of cases, not records of their own: kept inside their result. */
export const searchCacheKeys = { SearchResults: () => null, SearchHit: () => null };
