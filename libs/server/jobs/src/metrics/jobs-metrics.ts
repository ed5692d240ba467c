import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Metrics } from '@second-look/server-platform';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ALL_QUEUES } from '../queues';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The worker's metrics (docs/operations.md, "Metrics"): jobs per queue and state, how long jobs
 * run and how they end, and the outbox's backlog and the age of its oldest message (how far
 * background work lags behind the writes that asked for it). Queues are shared by every
 * replica, so every worker reports the same queue figures (use max() across them).
 */
@Injectable()
export class JobsMetrics implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const m = this.metrics;
    m.gauge('bullmq_jobs', 'Jobs per queue and state (waiting includes prioritized).', ['queue', 'state'], async (g) => {
      for (const name of ALL_QUEUES) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
        for (const state of STATES) g.set({ queue: name, state }, (c[state] ?? 0) + (state === 'waiting' ? (c.prioritized ?? 0) : 0));
      }
    });
    m.gauge('outbox_pending_messages', 'Outbox messages committed but not yet handed to BullMQ.', [], async (g) => {
      const [row] = await this.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_pending');
      g.set(row?.n ?? 0);
    });
    m.gauge('outbox_oldest_pending_age_seconds', 'Age of the oldest outbox message not yet handed to BullMQ (0 when none).', [], async (g) => {
      const [row] = await this.dataSource.query<{ age: number | null }[]>(
        'SELECT extract(epoch FROM now() - min(o.created_at))::float8 AS age FROM outbox_pending p JOIN outbox_message o ON o.id = p.id',
      );
      g.set(Math.max(0, row?.age ?? 0));
    });
    const runs = m.histogram(
      'bullmq_job_duration_seconds',
      'How long jobs ran in this worker, by queue, job name and outcome (completed, failed).',
      ['queue', 'name', 'outcome'],
      [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    );
    const observe = (job: Job | undefined, outcome: string) => {
      if (!job?.processedOn) return;
      runs.observe({ queue: job.queueName, name: job.name, outcome }, ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
    };
    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (!(host instanceof WorkerHost)) continue;
      host.worker.on('completed', (job: Job) => observe(job, 'completed'));
      host.worker.on('failed', (job: Job | undefined) => observe(job, 'failed'));
    }
  }
}
