import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { JobsHealthResolver } from './health/jobs-health.resolver';
import { JobsHealthService } from './health/jobs-health.service';
import { JobsModule } from './jobs.module';

/** API side of the jobs library: the admins' view of queue health, and the demo clock control. */
@Module({ imports: [JobsModule, AuditModule], providers: [JobsHealthService, JobsHealthResolver] })
export class JobsApiModule {}
