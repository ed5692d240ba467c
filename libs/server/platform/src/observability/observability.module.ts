import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RootLogger } from '../logging/logger';
import { Metrics } from './metrics';
import { startMetricsServer } from './metrics-server';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Serves the process's metrics on METRICS_PORT while the app runs (none when it is unset). */
@Injectable()
export class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === null) return;
    this.server = await startMetricsServer(this.metrics, this.config.metricsPort, this.config.host, this.config.metricsToken);
  }

  /** The port it listens on (METRICS_PORT=0 picks a free one), or null. */
  get port(): number | null {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The process's root logger and metrics registry, made before Nest starts (main.ts, bootstrap.ts) and shared here. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(root: RootLogger, metrics: Metrics): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [{ provide: ROOT_LOGGER, useValue: root }, { provide: Metrics, useValue: metrics }, MetricsEndpoint],
      exports: [ROOT_LOGGER, Metrics, MetricsEndpoint],
    };
  }
}
