import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, describeSafely, REDIS } from '@second-look/server-platform';
import { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';
import Redis from 'ioredis';
import { MAINTENANCE_QUEUE, MaintenanceJob, maintenanceJobIds } from '../queues';
import { JobReconciler } from '../reconcile/job-reconciler';

/**
 * upsertJobScheduler for code that runs on every replica at start. Two replicas upserting the
 * same scheduler in the same instant make BullMQ refuse the second ("job ID already exists"):
 * the first one created that very iteration, so the refusal is success, not a crash.
 */
export async function upsertScheduler(queue: Queue, id: string, repeat: RepeatOptions, template: { name: string; data?: unknown; opts?: JobSchedulerTemplateOptions }): Promise<void> {
  try {
    await queue.upsertJobScheduler(id, repeat, template);
  } catch (e) {
    if (!/already exists/.test((e as Error).message)) throw e;
  }
}

/** When the nightly re-scan runs (UTC; before working hours in the Americas and Europe). */
export const NIGHTLY_RESCAN_PATTERN = '30 3 * * *';

/**
 * At worker start: makes sure the repeatable work exists (upsertJobScheduler is idempotent, so
 * every replica may call it; a Redis that lost its data gets the schedulers back), then runs
 * reconcile and a re-scan of every organization once per start window (a short Redis lock, so ten replicas starting together
 * reconcile once, and a restart soon after still does). RECONCILE_ON_START=off skips it.
 */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedulers.name);

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly maintenance: Queue,
    private readonly reconciler: JobReconciler,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await upsertScheduler(this.maintenance, maintenanceJobIds.nightlyScheduler(), { pattern: NIGHTLY_RESCAN_PATTERN, tz: 'UTC' }, { name: MaintenanceJob.NIGHTLY_RESCAN, data: {} });
    if (process.env.RECONCILE_ON_START === 'off') return;
    const lock = await this.redis.set(`${this.config.redisPrefix}:reconcile-on-start`, String(process.pid), 'EX', 10, 'NX');
    if (!lock) return;
    // In the background: a large outbox must not delay the worker taking jobs. After the outbox
    // is replayed, the job sources fill in work the outbox never heard of (rows written by a
    // seed, an import or an older version), so a start never waits for the nightly re-scan.
    void this.reconciler
      .reconcile()
      .then(() => this.reconciler.rescanAll())
      .catch((e: unknown) => this.logger.error(`reconcile at start failed: ${describeSafely(e)}`));
  }
}
