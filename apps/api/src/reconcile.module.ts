import { DynamicModule, Module } from '@nestjs/common';
import { appDatabaseModule } from '@second-look/server-database';
import { JobsReconcileModule } from '@second-look/server-jobs';
import { AppConfig, ClockModule, ConfigModule, RedisModule } from '@second-look/server-platform';

/** Enough of the worker to rebuild Redis from PostgreSQL, without consuming any queue (`cli.js reconcile-jobs`). */
@Module({})
export class ReconcileModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReconcileModule,
      imports: [ConfigModule.forRoot(config), ClockModule, RedisModule, appDatabaseModule(config, { poolSize: 2 }), JobsReconcileModule],
    };
  }
}
