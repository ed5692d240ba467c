export * from './data-source-options';
export * from './app-database';
export * from './snake-naming.strategy';
export * from './testing/test-database';
export { MIGRATIONS } from './migrations';
export * from './entities';
export { ReadinessService, type ReadinessReport } from './health/readiness.service';
export { startHealthServer } from './health/health-server';
export { DatabaseMetrics } from './metrics/database-metrics';
