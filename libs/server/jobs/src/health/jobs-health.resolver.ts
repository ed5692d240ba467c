import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, DomainError, DomainErrorCode, Role } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { Clock, CurrentActor, RequireRoles } from '@second-look/server-platform';
import { DevClockDisabledError, DevClockService, parseClockStep } from '../dev-clock/dev-clock.service';
import { DemoClockModel, FailedJobModel, JobsHealthModel } from './jobs-health.model';
import { JobsHealthService } from './jobs-health.service';

@Resolver(() => JobsHealthModel)
@RequireRoles(Role.ADMIN)
export class JobsHealthResolver {
  constructor(
    private readonly health: JobsHealthService,
    private readonly devClock: DevClockService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  @Query(() => JobsHealthModel, { description: "Background work: every queue's counts, and your organization's failed jobs. Admins only." })
  jobsHealth(@CurrentActor() actor: Actor): Promise<JobsHealthModel> {
    return this.health.health(actor);
  }

  @Mutation(() => FailedJobModel, { description: "Retries a failed job of your organization. Admins only; another organization's job is not found." })
  async retryFailedJob(@CurrentActor() actor: Actor, @Args('queue') queue: string, @Args('jobId', { type: () => ID }) jobId: string): Promise<FailedJobModel> {
    const job = await this.health.retry(actor, queue, jobId);
    await this.audit.record(actor, { action: 'job.retry', entityType: 'job', entityId: null, detail: { queue, jobId: job.id, name: job.name } });
    return job;
  }

  @Query(() => DemoClockModel, { description: 'The demo clock (development only).' })
  demoClock(): DemoClockModel {
    return { enabled: this.devClock.enabled, now: this.clock.now(), offsetHours: this.clock.offset / 3_600_000 };
  }

  @Mutation(() => DemoClockModel, { description: 'Moves the demo clock forward (development only; refused in production), e.g. by "+7d". Due reminders then fire.' })
  async advanceDemoClock(@CurrentActor() actor: Actor, @Args('by') by: string): Promise<DemoClockModel> {
    let ms: number;
    try {
      ms = parseClockStep(by);
    } catch (e) {
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, (e as Error).message, { field: 'by' });
    }
    try {
      await this.devClock.advance(ms);
    } catch (e) {
      if (e instanceof DevClockDisabledError) throw new DomainError(DomainErrorCode.FORBIDDEN, e.message);
      if (e instanceof RangeError) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, e.message, { field: 'by' });
      throw e;
    }
    await this.audit.record(actor, { action: 'demo_clock.advance', entityType: 'demo_clock', entityId: null, detail: { by } });
    return this.demoClock();
  }
}
