import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, notFound } from '@second-look/domain';
import { Clock } from '@second-look/server-platform';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ALL_QUEUES } from '../queues';
import { FailedJobModel, JobsHealthModel } from './jobs-health.model';

/**
 * Which organization a job's work belongs to, from the ids its payload carries (payloads carry
 * ids only). A payload key maps to the table that owns that id; the first key that resolves wins.
 */
const OWNER_TABLES: ReadonlyArray<[key: string, table: string]> = [
  ['organizationId', 'organization'],
  ['requestId', 'record_request'],
  ['appointmentId', 'appointment'],
  ['invitationId', 'invitation'],
  ['notificationId', 'notification'],
  ['caseId', 'patient_case'],
  ['userId', 'user_account'],
];

const FAILED_SCAN = 500;
const FAILED_SHOWN = 50;
const REASON_MAX = 300;

/**
 * Queue health for the staff view. Tenancy: queues are shared by every organization, so the
 * counts are of the whole deployment (numbers only: no ids, names or payloads). Failed jobs,
 * which carry ids and reasons, are shown only when their payload belongs to the caller's
 * organization; a job of another organization is "not found" for retry, like a random id.
 */
@Injectable()
export class JobsHealthService {
  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private queue(name: string): Queue | null {
    if (!ALL_QUEUES.includes(name)) return null;
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async health(actor: Actor): Promise<JobsHealthModel> {
    const queues = await Promise.all(
      ALL_QUEUES.map(async (name) => {
        const c = await this.queue(name)!.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed', 'completed');
        return { name, waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), delayed: c.delayed ?? 0, active: c.active ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 };
      }),
    );
    const failed = (await Promise.all(ALL_QUEUES.map((name) => this.queue(name)!.getFailed(0, FAILED_SCAN - 1)))).flat().filter(Boolean);
    const owners = await this.ownersOf(failed);
    const mine = failed
      .filter((j) => owners.get(ownerKey(j)) === actor.organizationId)
      .sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))
      .slice(0, FAILED_SHOWN)
      .map(toModel);
    return { queues, failedJobs: mine, checkedAt: this.clock.now() };
  }

  /** Puts a failed job of the caller's organization back in line; anything else is "not found". */
  async retry(actor: Actor, queueName: string, jobId: string): Promise<FailedJobModel> {
    const queue = this.queue(queueName);
    const job = queue ? await queue.getJob(jobId) : undefined;
    if (!job || !(await job.isFailed()) || (await this.ownersOf([job])).get(ownerKey(job)) !== actor.organizationId) throw notFound('Failed job');
    await job.retry('failed');
    return toModel(job);
  }

  private async ownersOf(jobs: Job[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const pending = new Map<string, Set<string>>();
    for (const job of jobs) {
      const found = OWNER_TABLES.find(([k]) => typeof (job.data as Record<string, unknown>)?.[k] === 'string');
      if (!found) continue;
      const id = String((job.data as Record<string, unknown>)[found[0]]);
      if (!/^[0-9a-f-]{36}$/i.test(id)) continue;
      pending.set(found[1], (pending.get(found[1]) ?? new Set()).add(id));
    }
    for (const [table, ids] of pending) {
      const column = table === 'organization' ? 'id' : 'organization_id';
      const rows: { id: string; org: string }[] = await this.dataSource.query(`SELECT id::text AS id, ${column}::text AS org FROM "${table}" WHERE id = ANY($1::uuid[])`, [[...ids]]);
      for (const r of rows) out.set(`${table}:${r.id}`, r.org);
    }
    return out;
  }
}

function ownerKey(job: Job): string {
  const found = OWNER_TABLES.find(([k]) => typeof (job.data as Record<string, unknown>)?.[k] === 'string');
  return found ? `${found[1]}:${String((job.data as Record<string, unknown>)[found[0]])}` : '';
}

function toModel(j: Job): FailedJobModel {
  return {
    id: String(j.id),
    queue: j.queueName,
    name: j.name,
    // The message only (never a stack), cut short.
    failedReason: j.failedReason ? (j.failedReason.split('\n', 1)[0] ?? '').slice(0, REASON_MAX) : null,
    attemptsMade: j.attemptsMade,
    failedAt: j.finishedOn ? new Date(j.finishedOn) : null,
  };
}
