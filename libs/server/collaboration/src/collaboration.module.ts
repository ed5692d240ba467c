import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { IdentityModule } from '@second-look/server-identity';
import { CaseEventsPublisher } from './case-events.publisher';
import { CaseLiveService } from './case-live.service';
import { LiveAuditBatcher } from './live-audit';
import { LiveConnections } from './live-connections';
import { LiveMetrics } from './live-metrics';
import { PresenceStore } from './presence.store';
import { RedisPubSub } from './redis-pubsub';

/** Live transport: Redis pub/sub, the publisher, presence and the WebSocket connection rules. */
@Module({
  imports: [AuditModule, IdentityModule],
  providers: [RedisPubSub, CaseEventsPublisher, PresenceStore, CaseLiveService, LiveAuditBatcher, LiveConnections, LiveMetrics],
  exports: [RedisPubSub, CaseEventsPublisher, PresenceStore, CaseLiveService, LiveAuditBatcher, LiveConnections],
})
export class CollaborationModule {}
