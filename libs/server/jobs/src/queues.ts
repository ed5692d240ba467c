import { QueueName } from '@second-look/contracts';

/**
 * The worker's own queue for repeatable housekeeping (nightly re-scan, pruning). Only the
 * worker enqueues to it (job schedulers), so it is not part of the shared contracts.
 */
export const MAINTENANCE_QUEUE = 'maintenance';

export enum MaintenanceJob {
  /** Repeatable (job scheduler, nightly): fans out one RESCAN_ORGANIZATION per organization, then prunes. */
  NIGHTLY_RESCAN = 'nightly-rescan',
  /** One organization: every job source re-derives what should be scheduled and fills gaps. */
  RESCAN_ORGANIZATION = 'rescan-organization',
}

export const maintenanceJobIds = {
  nightlyScheduler: () => 'nightly-rescan',
  rescanOrganization: (organizationId: string, on: string) => `rescan.${organizationId}.${on}`,
};

/** Every queue the product runs (the staff view, the reconcile step and the dev clock walk these). */
export const ALL_QUEUES: readonly string[] = [...Object.values(QueueName), MAINTENANCE_QUEUE];
