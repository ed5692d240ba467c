export * from './case-task.entity';
export * from './task.model';
export * from './task.service';
export * from './my-day.model';
export * from './tasks.module';

import { CaseTask } from './case-task.entity';
export const TASK_ENTITIES = [CaseTask];
