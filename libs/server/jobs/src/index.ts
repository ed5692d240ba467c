export * from './redis-connection';
export * from './job-settings';
export * from './jobs.module';
export * from './email-jobs.producer';
export * from './email-delivery.entity';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox.service';
export * from './outbox/outbox-relay';

import { EmailDelivery } from './email-delivery.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';
export const JOB_ENTITIES = [EmailDelivery, OutboxMessage];
