import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@second-look/contracts';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { EmailJobs } from './email-jobs.producer';
import { OutboxService } from './outbox/outbox.service';
import { EffectLedger } from './ledger/effect-ledger';
import { DEFAULT_JOB_OPTIONS } from './job-settings';
import { bullConnection } from './redis-connection';

/** Queues and producers; imported by the API (to enqueue) and by the worker (to process). */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: bullConnection(config.redisUrl),
        prefix: `${config.redisPrefix}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QueueName.EMAIL }, { name: QueueName.REMINDERS }),
  ],
  providers: [EmailJobs, OutboxService, EffectLedger],
  exports: [EmailJobs, OutboxService, EffectLedger, BullModule],
})
export class JobsModule {}
