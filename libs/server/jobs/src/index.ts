export * from './redis-connection';
export * from './job-settings';
export * from './jobs.module';
export * from './email-jobs.producer';
export * from './ledger/job-effect.entity';
export * from './ledger/effect-ledger';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox.service';
export * from './outbox/outbox-relay';

import { JobEffect } from './ledger/job-effect.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';
export const JOB_ENTITIES = [JobEffect, OutboxMessage];
