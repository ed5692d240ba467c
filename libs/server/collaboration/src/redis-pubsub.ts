import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@second-look/server-platform';
import Redis from 'ioredis';

type Listener = (message: string) => void;

/**
 * Redis pub/sub shared by every API process: what one replica publishes, every replica
 * receives. One subscriber connection per process (Redis puts a connection into subscriber
 * mode), one SUBSCRIBE per channel however many local listeners it has. Channels carry the
 * deployment's key prefix, so test files and tenants of one Redis never hear each other.
 */
@Injectable()
export class RedisPubSub implements OnApplicationShutdown {
  private readonly log = new Logger('RedisPubSub');
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  channel(name: string): string {
    return `${this.config.redisPrefix}:live:${name}`;
  }

  async publish(name: string, payload: unknown): Promise<void> {
    await this.redis.publish(this.channel(name), JSON.stringify(payload));
  }

  /** Resolves once Redis has confirmed the subscription; the returned function unsubscribes. */
  async listen(name: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = this.channel(name);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.pending.set(channel, this.sub().subscribe(channel));
    }
    set.add(listener);
    await this.pending.get(channel);
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      const current = this.listeners.get(channel);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.listeners.delete(channel);
        this.pending.delete(channel);
        await this.subscriber?.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  /** Local listeners on this process (for tests and the leak check). */
  listenerCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private sub(): Redis {
    if (!this.subscriber) {
      // No ready check: its INFO would be refused once SUBSCRIBEs queued during the connect
      // have put the connection into subscriber mode (seen with many first subscribers at once).
      this.subscriber = this.redis.duplicate({ maxRetriesPerRequest: null, enableReadyCheck: false });
      this.subscriber.on('message', (channel: string, message: string) => {
        for (const l of this.listeners.get(channel) ?? []) {
          try {
            l(message);
          } catch (e) {
            this.log.error(`listener failed on ${channel}: ${String(e)}`);
          }
        }
      });
      this.subscriber.on('error', (e: Error) => this.log.warn(`subscriber connection: ${e.message}`));
    }
    return this.subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    this.listeners.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
