import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RecentWrites } from './recent-writes';
import { createRedisClient } from './redis-client';
import { REDIS } from './redis-token';

export { REDIS } from './redis-token';

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared ioredis client for rate limits and small counters (BullMQ keeps its own). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedisClient(config, { maxRetriesPerRequest: 2, lazyConnect: false }),
    },
    RedisCloser,
    RecentWrites,
  ],
  exports: [REDIS, RecentWrites],
})
export class RedisModule {}
