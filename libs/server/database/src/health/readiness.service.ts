import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';

export type Check = 'up' | 'down';

export interface ReadinessReport {
  ready: boolean;
  db: Check;
  redis: Check;
  /** 'current', 'pending' (the schema is behind this release) or 'unknown' (the database is down). */
  migrations: 'current' | 'pending' | 'unknown';
  draining: boolean;
}

/** Migrations change only with a deploy: once current, ask the database again at most this often. */
const MIGRATIONS_TTL_MS = 10_000;

/**
 * Whether this process should be sent work (readiness), as opposed to whether it is alive at all
 * (liveness: answering is enough). Ready means PostgreSQL and Redis answer, the schema has no
 * pending migration, and the process is not shutting down: from SIGTERM on it reports not ready
 * (the API then keeps serving for SHUTDOWN_DRAIN_MS, so a balancer stops routing to it while it
 * still answers what is in flight; docs/operations.md, "Health and shutdown").
 */
@Injectable()
export class ReadinessService implements BeforeApplicationShutdown {
  private draining = false;
  private migrationsChecked: { at: number; pending: boolean } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<ReadinessReport> {
    const [db, redis] = await Promise.all([
      this.dataSource.query('SELECT 1').then(
        (): Check => 'up',
        (): Check => 'down',
      ),
      this.redis.ping().then(
        (): Check => 'up',
        (): Check => 'down',
      ),
    ]);
    const migrations = db === 'up' ? await this.migrations() : 'unknown';
    return { ready: db === 'up' && redis === 'up' && migrations === 'current' && !this.draining, db, redis, migrations, draining: this.draining };
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  /** From SIGTERM on: the process is draining for shutdown. */
  get isDraining(): boolean {
    return this.draining;
  }

  private async migrations(): Promise<'current' | 'pending' | 'unknown'> {
    const cached = this.migrationsChecked;
    if (cached && Date.now() - cached.at < MIGRATIONS_TTL_MS) return cached.pending ? 'pending' : 'current';
    try {
      const pending = await this.dataSource.showMigrations();
      // Only "current" is remembered: a process waiting for a migration turns ready as soon as it runs.
      this.migrationsChecked = pending ? null : { at: Date.now(), pending };
      return pending ? 'pending' : 'current';
    } catch {
      return 'unknown';
    }
  }
}
