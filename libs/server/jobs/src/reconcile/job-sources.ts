import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Something that knows, from the database alone, which jobs should exist for an organization
 * (e.g. the reminders of its open record requests). The nightly re-scan asks every source to
 * fill gaps: work whose outbox rows were never written, or that an undo cancelled and a later
 * change (a case reopened) made wanted again. A source writes what is missing to the outbox in
 * the given transaction (deterministic ids keep it idempotent) and returns how many it wrote.
 *
 * Register from the library that owns the work, in onModuleInit: `sources.register(this)`.
 */
export interface JobSource {
  readonly name: string;
  rescan(manager: EntityManager, organizationId: string): Promise<number>;
}

@Injectable()
export class JobSourceRegistry {
  private readonly sources: JobSource[] = [];

  register(source: JobSource): void {
    if (!this.sources.some((s) => s.name === source.name)) this.sources.push(source);
  }

  all(): readonly JobSource[] {
    return this.sources;
  }
}
