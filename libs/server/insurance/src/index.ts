export * from './insurance-plan.entity';
export * from './insurance-call.entity';
export * from './insurance.model';
export * from './insurance.service';
export * from './insurance.module';

import { InsuranceCall } from './insurance-call.entity';
import { InsurancePlan } from './insurance-plan.entity';
export const INSURANCE_ENTITIES = [InsurancePlan, InsuranceCall];
