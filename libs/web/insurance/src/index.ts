export { InsurancePanel } from './insurance-panel';

/** The check, its plan and calls: the check has no id and lives inside its Case. */
export const insuranceCacheKeys = { InsuranceCheck: () => null, PreAuthorisation: () => null };
