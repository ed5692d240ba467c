import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, createRedisClient, REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';

export class DevClockDisabledError extends Error {
  constructor() {
    super('The demo clock is off here (it is never available in production).');
  }
}

/** Largest single move, so a typo cannot throw the demo a century ahead. */
export const DEV_CLOCK_MAX_STEP_MS = 120 * 24 * 60 * 60 * 1000;

/**
 * The movable clock of development and tests, shared by the API and every worker through
 * Redis (a key under the deployment's prefix, plus a pub/sub message when it moves). Each
 * process keeps the injectable Clock's offset in step. Off unless config.devClock, which
 * loadConfig refuses in production; `advance` re-checks. Moving only forward keeps every
 * "not before" invariant of the jobs true.
 */
@Injectable()
export class DevClockService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DevClockService.name);
  private subscriber: Redis | null = null;
  private readonly listeners: Array<(offsetMs: number) => void> = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.config.devClock && !this.config.isProduction;
  }

  private get key(): string {
    return `${this.config.redisPrefix}:dev-clock:offset-ms`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    this.subscriber = createRedisClient(this.config, { maxRetriesPerRequest: null, lazyConnect: false });
    await this.subscriber.subscribe(this.key);
    this.subscriber.on('message', (_channel, value: string) => this.apply(Number(value)));
    await this.refresh();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Re-reads the shared offset (after a restart, or when a message may have been missed). */
  async refresh(): Promise<number> {
    if (!this.enabled) return 0;
    const raw = await this.redis.get(this.key);
    if (raw === null) {
      // Redis lost its data (or this is the first process): time does not jump back; the
      // offset this process knows becomes the shared one again.
      if (this.clock.offset) await this.redis.set(this.key, String(this.clock.offset), 'NX');
      return this.clock.offset;
    }
    this.apply(Number(raw));
    return Number(raw);
  }

  onChange(listener: (offsetMs: number) => void): void {
    this.listeners.push(listener);
  }

  /** Moves every process's clock forward by `ms`; returns the new "now". */
  async advance(ms: number): Promise<Date> {
    if (!this.enabled) throw new DevClockDisabledError();
    if (!Number.isInteger(ms) || ms <= 0 || ms > DEV_CLOCK_MAX_STEP_MS) throw new RangeError('The clock moves forward only, by at most 120 days at a time.');
    await this.redis.set(this.key, String(this.clock.offset), 'NX');
    const offset = await this.redis.incrby(this.key, ms);
    this.apply(offset);
    await this.redis.publish(this.key, String(offset));
    this.logger.log(`demo clock moved forward ${Math.round(ms / 3_600_000)} h; now ${this.clock.now().toISOString()}`);
    return this.clock.now();
  }

  private apply(offsetMs: number): void {
    if (!Number.isFinite(offsetMs) || offsetMs === this.clock.offset) return;
    this.clock.setOffset(offsetMs);
    for (const l of this.listeners) l(offsetMs);
  }
}

const CLOCK_STEP_UNITS = new Map([
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
]);

/** "+7d", "36h", "+90m" → milliseconds (the demo:clock script and the admin control). */
export function parseClockStep(step: string): number {
  const [, amount, letter] = /^\+?(\d{1,4})\s*([dhm])$/i.exec(step.trim()) ?? [];
  const unit = letter && CLOCK_STEP_UNITS.get(letter.toLowerCase());
  if (!amount || !unit) throw new RangeError('Say how far to move the clock, e.g. +7d, +36h or +90m.');
  return Number(amount) * unit;
}
