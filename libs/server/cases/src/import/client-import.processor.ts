import { Module } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QueueName, JobName } from '@second-look/contracts';
import { dispatchTypedJob, isPermanentFailure, JobsModule, JobTenantScope, WORKER_SETTINGS } from '@second-look/server-jobs';
import { Job } from 'bullmq';
import { CasesModule } from '../cases.module';
import { ClientImportJobSource } from './client-import.job-source';
import { ClientImportService } from './client-import.service';

/**
 * The IMPORTS queue (docs/import.md): one import at a time per worker, in the scope of the
 * organization the import belongs to (JobTenantScope finds it from `importId`). A failed attempt
 * puts the import back to QUEUED, or to FAILED when BullMQ will not try again.
 */
@Processor(QueueName.IMPORTS, { concurrency: 1, ...WORKER_SETTINGS })
export class ClientImportProcessor extends WorkerHost {
  constructor(
    private readonly imports: ClientImportService,
    private readonly scope: JobTenantScope,
  ) {
    super();
  }

  process(job: Job): Promise<string> {
    return this.scope.run(job.data, () =>
      dispatchTypedJob(job, {
        [JobName.RUN_CLIENT_IMPORT]: async ({ importId }) => {
          try {
            return await this.imports.run(importId);
          } catch (e) {
            await this.imports.attemptFailed(importId, isPermanentFailure(e) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)).catch(() => undefined);
            throw e;
          }
        },
      }),
    );
  }
}

/**
 * What the worker needs to run client imports. The case-created subscribers of other libraries
 * (the starter questions, the default packet) must be loaded beside it, so an imported case
 * starts as one opened by hand: the worker imports their modules too (apps/worker). The nightly
 * re-scan queues again an import whose job was lost (ClientImportJobSource).
 */
@Module({ imports: [CasesModule, JobsModule], providers: [ClientImportProcessor, ClientImportJobSource] })
export class ClientImportJobsModule {}
