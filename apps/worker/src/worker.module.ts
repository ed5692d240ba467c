import { DynamicModule, Module } from '@nestjs/common';
import { appDatabaseModule, DatabaseMetrics, ReadinessService } from '@second-look/server-database';
import { AppointmentsCaseDefaultsModule } from '@second-look/server-appointments';
import { ClientImportJobsModule } from '@second-look/server-cases';
import { JobsWorkerModule } from '@second-look/server-jobs';
import { NotificationsWorkerModule } from '@second-look/server-notifications';
import { RecordsCaseDefaultsModule, RecordsJobsModule } from '@second-look/server-records';
import { AppConfig, ClockModule, ConfigModule, createRootLogger, Metrics, ObservabilityModule, RedisModule, RootLogger } from '@second-look/server-platform';

@Module({})
export class WorkerModule {
  /** `obs`: the process's logger and metrics (main.ts); tests leave them out (no log lines, a registry of their own). */
  static forRoot(
    config: AppConfig,
    obs: { root: RootLogger; metrics: Metrics } = { root: createRootLogger(config, { service: 'worker', destination: false }), metrics: new Metrics('worker') },
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot(obs.root, obs.metrics),
        ClockModule,
        RedisModule,
        appDatabaseModule(config, { poolSize: 5 }),
        NotificationsWorkerModule,
        JobsWorkerModule,
        RecordsJobsModule,
        // Client imports (docs/import.md) create cases: with the starter questions and the default
        // packet that the other libraries give every new case, as in the API.
        ClientImportJobsModule,
        RecordsCaseDefaultsModule,
        AppointmentsCaseDefaultsModule,
      ],
      providers: [ReadinessService, DatabaseMetrics],
    };
  }
}
