import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobName, jobIds, QueueName } from '@second-look/contracts';
import { JobSource, JobSourceRegistry, OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';

/** An import still waiting this long after it was started has lost its job (5,000 rows take minutes). */
export const STALE_IMPORT_MS = 60 * 60_000;

/**
 * The nightly re-scan's view of client imports (docs/import.md): an import still queued or
 * running an hour after it was started lost its job on the way (Redis lost it after the outbox
 * handed it over), so it is queued again under the same job id. Nothing runs twice: BullMQ keeps
 * one job per id, and a run that finds its import finished leaves it as it is.
 */
@Injectable()
export class ClientImportJobSource implements JobSource, OnModuleInit {
  readonly name = 'client-imports';

  constructor(
    private readonly sources: JobSourceRegistry,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async rescan(m: EntityManager, organizationId: string): Promise<number> {
    const stale = (await m.query(`SELECT id FROM client_import WHERE organization_id = $1 AND status IN ('QUEUED', 'RUNNING') AND created_at < $2`, [
      organizationId,
      new Date(this.clock.now().getTime() - STALE_IMPORT_MS),
    ])) as { id: string }[];
    for (const { id } of stale) {
      await this.outbox.add(m, { queue: QueueName.IMPORTS, jobName: JobName.RUN_CLIENT_IMPORT, jobId: jobIds.clientImport(id), payload: { importId: id } });
    }
    return stale.length;
  }
}
