import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@second-look/contracts';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { DevClockService } from './dev-clock/dev-clock.service';
import { EmailJobs } from './email-jobs.producer';
import { DEFAULT_JOB_OPTIONS } from './job-settings';
import { EffectLedger } from './ledger/effect-ledger';
import { OutboxService } from './outbox/outbox.service';
import { MAINTENANCE_QUEUE } from './queues';
import { JobSourceRegistry } from './reconcile/job-sources';
import { bullConnection } from './redis-connection';

import { JobTenantScope } from './tenancy/job-tenant-scope';
/** Queues and producers; imported by the API (to enqueue) and by the worker (to process). */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: bullConnection(config),
        prefix: `${config.redisPrefix}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QueueName.EMAIL }, { name: QueueName.REMINDERS }, { name: QueueName.IMPORTS }, { name: MAINTENANCE_QUEUE }),
  ],
  providers: [EmailJobs, OutboxService, EffectLedger, JobSourceRegistry, DevClockService, JobTenantScope],
  exports: [EmailJobs, OutboxService, EffectLedger, JobSourceRegistry, DevClockService, JobTenantScope, BullModule],
})
export class JobsModule {}
