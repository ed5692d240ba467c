import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Clock, REDIS } from '@second-look/server-platform';
import Redis from 'ioredis';
import { Job, Queue } from 'bullmq';
import { ALL_QUEUES } from '../queues';
import { DevClockService } from './dev-clock.service';

/**
 * With the dev clock ahead of the wall clock, BullMQ (which waits by the wall clock) would
 * release delayed jobs late. This promotes, in the worker, every delayed job whose moment has
 * come on the moved clock. Jobs are stamped with the clock's now by the relay, so a delayed
 * job's score in Redis is its due moment on that clock. Does nothing unless the dev clock is on.
 * Repeatable work (job schedulers: the nightly re-scan, digests) keeps to the wall clock.
 */
@Injectable()
export class DelayedJobPromoter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DelayedJobPromoter.name);
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly devClock: DevClockService,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.devClock.enabled) return;
    this.devClock.onChange(() => {
      if (!this.stopped) void this.promoteDue().catch((e: unknown) => this.failed(e));
    });
    // A tick under way when the app shuts down must not schedule another one: that one would
    // run against a closed Redis connection.
    const tick = async () => {
      await this.devClock.refresh().catch(() => 0);
      if (!this.stopped && this.clock.offset > 0) await this.promoteDue().catch((e: unknown) => this.failed(e));
      if (!this.stopped) this.timer = setTimeout(() => void tick(), 500);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.busy?.catch(() => 0);
  }

  /** A round that failed (Redis away): the next tick tries again. The error's name only, never its text. */
  private failed(e: unknown): number {
    if (!this.stopped) this.logger.warn(`promoting due delayed jobs failed (${e instanceof Error ? e.name : 'error'}); trying again`);
    return 0;
  }

  /** Promotes what is due on the moved clock; returns how many. Public for tests. */
  promoteDue(): Promise<number> {
    if (this.busy) return this.busy;
    this.busy = (async () => {
      let total = 0;
      const max = (this.clock.now().getTime() + 1) * 0x1000 - 1;
      for (const name of ALL_QUEUES) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        for (;;) {
          const ids = await this.redis.zrangebyscore(queue.toKey('delayed'), '-inf', max, 'LIMIT', 0, 500);
          if (!ids.length) break;
          let moved = 0;
          for (const id of ids) {
            // Job-scheduler iterations keep wall-clock time: promoting one early makes the
            // next upsert at a worker's start collide with the finished iteration.
            if (id.startsWith('repeat:')) continue;
            const job = await Job.fromId(queue, id);
            // Another worker may have promoted it, or it was removed: both are fine.
            if (
              job &&
              (await job.promote().then(
                () => true,
                () => false,
              ))
            )
              moved++;
          }
          total += moved;
          if (!moved) break;
        }
      }
      if (total) this.logger.log(`promoted ${total} delayed job(s) due on the demo clock`);
      return total;
    })().finally(() => (this.busy = null));
    return this.busy;
  }
}
