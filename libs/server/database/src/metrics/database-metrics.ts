import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Metrics } from '@second-look/server-platform';
import { DataSource } from 'typeorm';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The connection pool of the primary (db_pool_connections, db_pool_waiting_clients). */
@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    const pool = (): PgPool | undefined => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    this.metrics.gauge('db_pool_connections', 'Connections of the PostgreSQL pool, by state (in use, idle).', ['state'], (g) => {
      const p = pool();
      if (!p) return;
      g.set({ state: 'in_use' }, p.totalCount - p.idleCount);
      g.set({ state: 'idle' }, p.idleCount);
    });
    this.metrics.gauge('db_pool_waiting_clients', 'Queries waiting for a free PostgreSQL connection (the pool is exhausted while this is above 0).', [], (g) => {
      const p = pool();
      if (p) g.set(p.waitingCount);
    });
  }
}
