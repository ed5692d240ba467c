export * from './redis-connection';
export * from './job-settings';
export * from './jobs.module';
export * from './email-jobs.producer';
export * from './email-delivery.entity';

import { EmailDelivery } from './email-delivery.entity';
export const JOB_ENTITIES = [EmailDelivery];
