import { BeforeApplicationShutdown, Controller, Get, Inject, Res } from '@nestjs/common';
import { LiveConnections } from '@second-look/server-collaboration';
import { ReadinessService } from '@second-look/server-database';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import type { Response } from 'express';

/**
 * For balancers, orchestrators and start scripts (docs/operations.md, "Health and shutdown"):
 * - GET /health/live: 200 while the process answers at all (restart it when this fails);
 * - GET /health/ready, and GET /health as before: 200 when PostgreSQL and Redis answer, no
 *   migration is pending and the process is not draining for shutdown; 503 otherwise (send it
 *   no traffic until it turns 200 again).
 */
@Controller('health')
export class HealthController implements BeforeApplicationShutdown {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly liveConnections: LiveConnections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * On SIGTERM: readiness turns 503 at once, and the server keeps answering for the drain time.
   * Then the live sockets are closed ("going away", so clients reconnect through the balancer
   * to a ready replica): the HTTP server's close waits for every open connection, and a
   * websocket left open would keep the process from ever exiting (scale-out.int-spec.ts).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.readiness.beforeApplicationShutdown();
    if (this.config.shutdownDrainMs > 0) await new Promise((resolve) => setTimeout(resolve, this.config.shutdownDrainMs));
    this.liveConnections.onApplicationShutdown();
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['', 'ready'])
  async ready(@Res() res: Response): Promise<void> {
    const report = await this.readiness.check();
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ok' : 'unavailable', ...report });
  }
}
