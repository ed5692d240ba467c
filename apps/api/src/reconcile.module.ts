import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALL_ENTITIES, dataSourceOptions } from '@second-look/server-database';
import { JobsReconcileModule } from '@second-look/server-jobs';
import { AppConfig, ClockModule, ConfigModule, RedisModule } from '@second-look/server-platform';

/** Enough of the worker to rebuild Redis from PostgreSQL, without consuming any queue (`cli.js reconcile-jobs`). */
@Module({})
export class ReconcileModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReconcileModule,
      imports: [ConfigModule.forRoot(config), ClockModule, RedisModule, TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, ALL_ENTITIES, { poolSize: 2 })), JobsReconcileModule],
    };
  }
}
