import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '@second-look/server-platform';
import { LiveConnections } from './live-connections';

/** Open live (graphql-ws) connections of this API process (websocket_connections). */
@Injectable()
export class LiveMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly live: LiveConnections,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('websocket_connections', 'Open live (graphql-ws) connections of this API process.', [], (g) => g.set(this.live.count));
  }
}
