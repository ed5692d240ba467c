import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALL_ENTITIES, dataSourceOptions, ReadinessService } from '@second-look/server-database';
import { JobsWorkerModule } from '@second-look/server-jobs';
import { NotificationsWorkerModule } from '@second-look/server-notifications';
import { RecordsJobsModule } from '@second-look/server-records';
import { AppConfig, ClockModule, ConfigModule, RedisModule } from '@second-look/server-platform';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), ClockModule, RedisModule, TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, ALL_ENTITIES, { poolSize: 5 })), NotificationsWorkerModule, JobsWorkerModule, RecordsJobsModule],
      providers: [ReadinessService],
    };
  }
}
