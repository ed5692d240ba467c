import { CASE_STAGE_ORDER, CaseStage, CaseTrigger, Urgency, CaregiverAccess } from '@second-look/domain';

/** Enum values in display order, for selects and checkbox groups. */
export const STAGES: readonly CaseStage[] = CASE_STAGE_ORDER;
export const TRIGGERS: readonly CaseTrigger[] = Object.values(CaseTrigger);
export const URGENCIES: readonly Urgency[] = [Urgency.ROUTINE, Urgency.URGENT];
export const ACCESS_LEVELS: readonly CaregiverAccess[] = [CaregiverAccess.VIEW, CaregiverAccess.COMMENT, CaregiverAccess.EDIT];

export const stageIndex = (stage: CaseStage): number => CASE_STAGE_ORDER.indexOf(stage);
