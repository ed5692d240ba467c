import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DelayedJobPromoter } from './dev-clock/delayed-job-promoter';
import { JobsModule } from './jobs.module';
import { JobsMetrics } from './metrics/jobs-metrics';
import { JobSchedulers } from './maintenance/job-schedulers';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { JobReconciler } from './reconcile/job-reconciler';

/** The worker's own machinery: schedulers, reconcile, housekeeping, and the dev clock's promoter. */
@Module({
  imports: [JobsModule, DiscoveryModule],
  providers: [JobReconciler, MaintenanceProcessor, JobSchedulers, DelayedJobPromoter, JobsMetrics],
  exports: [JobReconciler, MaintenanceProcessor],
})
export class JobsWorkerModule {}

/** Just reconcile, without consuming queues (the `reconcile-jobs` CLI command). */
@Module({ imports: [JobsModule], providers: [JobReconciler], exports: [JobReconciler] })
export class JobsReconcileModule {}
