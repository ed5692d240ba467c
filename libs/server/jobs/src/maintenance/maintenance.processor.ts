import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@second-look/server-platform';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { dispatchJob, JOB_RETENTION, requireIds, WORKER_SETTINGS } from '../job-settings';
import { EffectLedger } from '../ledger/effect-ledger';
import { MAINTENANCE_QUEUE, MaintenanceJob, maintenanceJobIds } from '../queues';
import { JobReconciler } from '../reconcile/job-reconciler';
import { JobTenantScope } from '../tenancy/job-tenant-scope';

/**
 * Housekeeping on its own queue. The nightly job (a BullMQ job scheduler, see JobSchedulers)
 * fans out one re-scan per organization, each its own job with a deterministic id per day,
 * so one organization's failure retries alone and a second scheduler tick adds nothing; then it
 * prunes by age what no job can need any more.
 */
@Processor(MAINTENANCE_QUEUE, { concurrency: 2, ...WORKER_SETTINGS })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly reconciler: JobReconciler,
    private readonly ledger: EffectLedger,
    private readonly clock: Clock,
    private readonly scope: JobTenantScope,
  ) {
    super();
  }

  process(job: Job): Promise<string> {
    // The nightly job crosses organizations (system scope); each re-scan sees its organization only.
    return this.scope.run(job.data, () => this.dispatch(job));
  }

  private dispatch(job: Job): Promise<string> {
    return dispatchJob(job, {
      [MaintenanceJob.NIGHTLY_RESCAN]: () => this.nightly(),
      [MaintenanceJob.RESCAN_ORGANIZATION]: async (data) => {
        const { organizationId } = requireIds(data, 'organizationId');
        return `${await this.reconciler.rescanOrganization(organizationId)} job(s) filled in`;
      },
    });
  }

  async nightly(): Promise<string> {
    const orgs: { id: string }[] = await this.dataSource.query(`SELECT id FROM organization ORDER BY id`);
    const day = this.clock.now().toISOString().slice(0, 10);
    await this.queue.addBulk(orgs.map((o) => ({ name: MaintenanceJob.RESCAN_ORGANIZATION, data: { organizationId: o.id }, opts: { jobId: maintenanceJobIds.rescanOrganization(o.id, day) } })));
    const prunedLedger = await this.ledger.prune(JOB_RETENTION.ledgerDays);
    // Dispatched rows whose moment is long past: reconcile no longer looks at them.
    const [, prunedOutbox] = (await this.dataSource.query(`DELETE FROM outbox_message WHERE dispatched_at IS NOT NULL AND available_at < now() - make_interval(days => $1)`, [
      JOB_RETENTION.outboxDispatchedDays,
    ])) as [unknown, number];
    // Sign-up and password-reset links a day past their end: nothing can use them any more, and
    // an unfinished sign-up holds a password hash (see libs/server/identity/src/recovery).
    const [{ n: prunedLinks }] = (await this.dataSource.query(
      `WITH a AS (DELETE FROM sign_up_request WHERE expires_at < now() - interval '1 day' RETURNING 1),
            b AS (DELETE FROM password_reset WHERE expires_at < now() - interval '1 day' RETURNING 1)
       SELECT ((SELECT count(*) FROM a) + (SELECT count(*) FROM b))::int AS n`,
    )) as [{ n: number }];
    // The records board's rollup rows dated before any organization's today (migration RecordBoardCounts).
    const [{ n: prunedBoard }] = (await this.dataSource.query(`SELECT record_board_prune() AS n`)) as [{ n: number }];
    this.logger.log(
      `nightly: ${orgs.length} organization re-scan(s) started; pruned ${prunedLedger} ledger, ${prunedOutbox} outbox, ${prunedLinks} expired link and ${prunedBoard} board count row(s)`,
    );
    return `${orgs.length} organization(s)`;
  }
}
