export * from './case/patient-case.entity';
export * from './case/case-access.service';
export * from './case/case.service';
export * from './case/case.model';
export * from './participant/case-participant.entity';
export * from './comment/case-comment.entity';
export * from './stage/case-stage-change.entity';
export * from './cases.module';
export * from './import/client-import.processor';
export * from './import/client-import.service';
export * from './comment/comment.service';
export * from './live/case-live.model';
export * from './live/case-activity.service';

import { PatientCase } from './case/patient-case.entity';
import { CaseComment } from './comment/case-comment.entity';
import { CaseParticipant } from './participant/case-participant.entity';
import { CaseStageChange } from './stage/case-stage-change.entity';
export const CASE_ENTITIES = [PatientCase, CaseParticipant, CaseComment, CaseStageChange];
