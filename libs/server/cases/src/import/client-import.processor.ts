import { Logger, Module } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { QueueName, JobName } from '@second-look/contracts';
import { dispatchTypedJob, isPermanentFailure, JobsModule, JobTenantScope, withSafeFailure, WORKER_SETTINGS } from '@second-look/server-jobs';
import { describeSafely } from '@second-look/server-platform';
import { Job } from 'bullmq';
import { CasesModule } from '../cases.module';
import { ClientImportJobSource } from './client-import.job-source';
import { ClientImportService } from './client-import.service';

/** A failed attempt's reason, as the staff view shows it (the import's page says nothing was imported). */
export const CLIENT_IMPORT_FAILED = 'The client import could not be written, and nothing was imported';

/**
 * The IMPORTS queue (docs/import.md): one import at a time per worker, in the scope of the
 * organization the import belongs to (JobTenantScope finds it from `importId`). A failed attempt
 * puts the import back to QUEUED, or to FAILED when BullMQ will not try again; its reason names
 * no patient (withSafeFailure).
 */
@Processor(QueueName.IMPORTS, { concurrency: 1, ...WORKER_SETTINGS })
export class ClientImportProcessor extends WorkerHost {
  private readonly logger = new Logger(ClientImportProcessor.name);

  constructor(
    private readonly imports: ClientImportService,
    private readonly scope: JobTenantScope,
  ) {
    super();
  }

  process(job: Job): Promise<string> {
    return this.scope.run(job.data, () =>
      dispatchTypedJob(job, {
        // The reason BullMQ keeps says what failed, never which row: a database error can quote one.
        [JobName.RUN_CLIENT_IMPORT]: ({ importId }) =>
          withSafeFailure(CLIENT_IMPORT_FAILED, async () => {
            try {
              return await this.imports.run(importId);
            } catch (e) {
              await this.imports.attemptFailed(importId, isPermanentFailure(e) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)).catch(() => undefined);
              throw e;
            }
          }),
      }),
    );
  }

  /**
   * A job BullMQ fails without handing it to process(): one whose worker was killed more times
   * than WORKER_SETTINGS.maxStalledCount allows (BullMQ marks it, then fails it on its next pick-up).
   * Nothing else would end the import: it would say RUNNING for good, and the nightly re-scan
   * cannot queue a job id BullMQ still holds as failed. So it is failed here, as a last attempt is.
   */
  @OnWorkerEvent('failed')
  async onGivenUp(job: Job | undefined): Promise<void> {
    if (job?.name !== JobName.RUN_CLIENT_IMPORT || !job.deferredFailure) return;
    const { importId } = job.data as { importId?: unknown };
    if (typeof importId !== 'string') return;
    try {
      await this.scope.run(job.data, () => this.imports.attemptFailed(importId, true));
    } catch (e) {
      this.logger.error(`Could not mark client import ${importId} failed after BullMQ gave up on its job: ${describeSafely(e)}`);
    }
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
