import { PhaseStatus } from '@second-look/domain';

/**
 * Color backs up the words, never replaces them: every badge says its status and carries a
 * symbol, so it reads the same in greyscale. Late is orange rather than red: it needs
 * attention, but a patient reading it should not feel alarmed.
 */
export const PHASE_STATUS_COLOR: Readonly<Record<PhaseStatus, string>> = {
  [PhaseStatus.DONE]: 'teal',
  [PhaseStatus.IN_PROGRESS]: 'blue',
  [PhaseStatus.LATE]: 'orange',
  [PhaseStatus.UPCOMING]: 'gray',
};

export const PHASE_STATUS_SYMBOL: Readonly<Record<PhaseStatus, string>> = {
  [PhaseStatus.DONE]: '✓',
  [PhaseStatus.IN_PROGRESS]: '●',
  [PhaseStatus.LATE]: '!',
  [PhaseStatus.UPCOMING]: '○',
};
