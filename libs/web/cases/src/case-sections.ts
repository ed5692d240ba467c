import { CaseStage } from '@second-look/domain';

/** The parts of the case page, in journey order; each id is also its address (`/cases/:id#records`). */
export const CASE_SECTIONS = ['overview', 'tasks', 'notes', 'doctor', 'records', 'timeline', 'providers', 'insurance', 'visit', 'opinions', 'comments', 'people'] as const;
export type CaseSectionId = (typeof CASE_SECTIONS)[number];

/** Where the work of each stage happens on the page. */
const STAGE_SECTION: Record<CaseStage, CaseSectionId> = {
  [CaseStage.DECIDE]: 'overview',
  [CaseStage.TALK_TO_DOCTOR]: 'doctor',
  [CaseStage.GATHER_RECORDS]: 'records',
  [CaseStage.CHOOSE_PROVIDER]: 'providers',
  [CaseStage.VERIFY_INSURANCE]: 'insurance',
  [CaseStage.PREPARE]: 'visit',
  [CaseStage.APPOINTMENT]: 'visit',
  [CaseStage.COMPARE_AND_DECIDE]: 'opinions',
  [CaseStage.CLOSE_THE_LOOP]: 'opinions',
  [CaseStage.CLOSED]: 'overview',
};

export const stageSection = (stage: CaseStage): CaseSectionId => STAGE_SECTION[stage];

/**
 * The main column's order: the current stage's part first, then the rest of the journey in its
 * usual order. Who is on the case and the activity feed sit in their own column, always last.
 */
export function caseSectionOrder(stage: CaseStage): CaseSectionId[] {
  const first = stageSection(stage);
  return [first, ...CASE_SECTIONS.filter((s) => s !== first && s !== 'people'), 'people'];
}

export const isCaseSection = (value: string): value is CaseSectionId => (CASE_SECTIONS as readonly string[]).includes(value);
