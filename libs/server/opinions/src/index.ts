export * from './opinion/case-opinion.entity';
export * from './comparison/opinion-comparison.entity';
export * from './decision/case-decision.entity';
export * from './opinions.model';
export * from './opinions.module';

import { OpinionComparison } from './comparison/opinion-comparison.entity';
import { CaseDecision } from './decision/case-decision.entity';
import { CaseOpinion } from './opinion/case-opinion.entity';
export const OPINION_ENTITIES = [CaseOpinion, OpinionComparison, CaseDecision];
