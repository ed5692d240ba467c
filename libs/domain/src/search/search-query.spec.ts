import { containsPattern, normalizeSearchQuery, SEARCH_MAX_LENGTH } from './search-query';

describe('search query', () => {
  it('collapses spaces and refuses what is too short to search', () => {
    expect(normalizeSearchQuery('  Maria   Lopez ')).toBe('Maria Lopez');
    expect(normalizeSearchQuery(' m ')).toBeNull();
    expect(normalizeSearchQuery('')).toBeNull();
  });

  it('cuts a long query to the maximum length', () => {
    expect(normalizeSearchQuery('a'.repeat(500))).toHaveLength(SEARCH_MAX_LENGTH);
  });

  it('takes LIKE wildcards in the query literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern('Lopez')).toBe('%Lopez%');
  });
});
