import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALL_ENTITIES, dataSourceOptions } from '@second-look/server-database';
import { NotificationsWorkerModule } from '@second-look/server-notifications';
import { AppConfig, ClockModule, ConfigModule, RedisModule } from '@second-look/server-platform';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), ClockModule, RedisModule, TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, ALL_ENTITIES, { poolSize: 5 })), NotificationsWorkerModule],
    };
  }
}
