import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REDIS } from '@second-look/server-platform';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';

/** For load balancers and start scripts: 200 when PostgreSQL and Redis answer, 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [db, redis] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => 'up', () => 'down'),
      this.redis.ping().then(() => 'up', () => 'down'),
    ]);
    const ok = db === 'up' && redis === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', db, redis });
  }
}
