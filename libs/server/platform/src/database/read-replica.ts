import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@second-look/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { describeSafely } from '../logging/safe-error';
import { Metrics } from '../observability/metrics';
import { RecentWrites } from '../redis/recent-writes';
import { installTenantScope } from './tenant-context';
import type { Counter } from 'prom-client';
import { DataSource, DataSourceOptions, EntityManager } from 'typeorm';

export type ReadTarget = 'replica' | 'primary';

/** After a replica failure, reads stay on the primary this long before the replica is tried again. */
const REPLICA_RETRY_MS = 30_000;

/**
 * Heavy read-only views (the records board) on a read replica when DATABASE_READ_URL is set
 * (docs/operations.md, "Past one machine"). A read goes to the primary instead when:
 * - no replica is configured;
 * - the caller's organization wrote within READ_AFTER_WRITE_MS (RecentWrites), so a person
 *   never reads a replica that has not caught up with their own change or a colleague's;
 * - the replica failed within REPLICA_RETRY_MS (a read that fails on it is run again on the
 *   primary at once).
 * `fn` must only read: anything it writes (the board's audit line) goes through the primary.
 */
@Injectable()
export class ReadReplica implements OnApplicationShutdown {
  private readonly log = new Logger('ReadReplica');
  private replica: Promise<DataSource> | null = null;
  private downUntil = 0;
  private readonly reads: Counter<'target' | 'reason'>;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly recent: RecentWrites,
    metrics: Metrics,
  ) {
    this.reads = metrics.counter('db_read_target_total', 'Heavy reads by where they ran (replica, primary) and why (replica, no_replica, recent_write, replica_down, replica_failed).', [
      'target',
      'reason',
    ]);
  }

  async read<T>(organizationId: string, fn: (db: EntityManager, target: ReadTarget) => Promise<T>): Promise<T> {
    const reason = await this.primaryReason(organizationId);
    if (reason) return this.onPrimary(fn, reason);
    let replica: DataSource;
    try {
      replica = await this.connect();
    } catch (e) {
      this.failed(e);
      return this.onPrimary(fn, 'replica_failed');
    }
    const runner = replica.createQueryRunner();
    try {
      const result = await fn(runner.manager, 'replica');
      this.reads.inc({ target: 'replica', reason: 'replica' });
      return result;
    } catch (e) {
      if (e instanceof DomainError) throw e;
      this.failed(e);
      return this.onPrimary(fn, 'replica_failed');
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  private async primaryReason(organizationId: string): Promise<string | null> {
    if (!this.config.databaseReadUrl) return 'no_replica';
    if (Date.now() < this.downUntil) return 'replica_down';
    if (await this.recent.recent(organizationId)) return 'recent_write';
    return null;
  }

  private async onPrimary<T>(fn: (db: EntityManager, target: ReadTarget) => Promise<T>, reason: string): Promise<T> {
    // One connection for all of the read's statements, taken from the pool once.
    const runner = this.primary.createQueryRunner();
    try {
      const result = await fn(runner.manager, 'primary');
      this.reads.inc({ target: 'primary', reason });
      return result;
    } finally {
      await runner.release();
    }
  }

  private connect(): Promise<DataSource> {
    // The primary's settings (naming, the safe query logger, pool size) on the replica's URL; reads only.
    const options = { ...this.primary.options, url: this.config.databaseReadUrl as string, entities: [], migrations: [], subscribers: [], connectTimeoutMS: 3000 } as DataSourceOptions;
    this.replica ??= new DataSource(options)
      .initialize()
      // The same role and the same per-connection scope as the primary (row-level security).
      .then(installTenantScope)
      .catch((e: unknown) => {
        this.replica = null;
        throw e;
      });
    return this.replica;
  }

  private failed(e: unknown): void {
    this.downUntil = Date.now() + REPLICA_RETRY_MS;
    this.log.warn(`read replica unavailable, reading from the primary for ${REPLICA_RETRY_MS / 1000} s: ${describeSafely(e)}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const replica = this.replica;
    this.replica = null;
    if (replica) await (await replica.catch(() => null))?.destroy().catch(() => undefined);
  }
}

/** ReadReplica for every area (the API's AppModule imports it once). */
@Global()
@Module({ providers: [ReadReplica], exports: [ReadReplica] })
export class ReadReplicaModule {}
