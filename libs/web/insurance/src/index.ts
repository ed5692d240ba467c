import { lazyNamed } from '@second-look/web-ui';

export const InsurancePanel = lazyNamed(() => import('./insurance-panel'), 'InsurancePanel');

/** The check, its plan and calls: the check has no id and lives inside its Case. */
export const insuranceCacheKeys = { InsuranceCheck: () => null, PreAuthorisation: () => null };
