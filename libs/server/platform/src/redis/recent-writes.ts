import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { GqlContext } from '../auth/gql-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from './redis-token';

/**
 * Read-your-writes with a read replica (docs/operations.md, "Past one machine"): after a
 * mutation, the organization's heavy reads go to the primary for READ_AFTER_WRITE_MS, so the
 * person who wrote, and colleagues whose screens refetch on the live event, never read a
 * replica that has not caught up. Kept in Redis, so it holds across API replicas. Without
 * DATABASE_READ_URL nothing is written.
 */
@Injectable()
export class RecentWrites {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(organizationId: string): string {
    return `${this.config.redisPrefix}:recent-write:${organizationId}`;
  }

  get enabled(): boolean {
    return this.config.databaseReadUrl !== null;
  }

  async mark(organizationId: string): Promise<void> {
    if (!this.enabled) return;
    await this.redis.set(this.key(organizationId), '1', 'PX', this.config.readAfterWriteMs);
  }

  /** True when the organization wrote within READ_AFTER_WRITE_MS, or when Redis cannot say (the primary is always safe). */
  async recent(organizationId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.key(organizationId))) === 1;
    } catch {
      return true;
    }
  }
}

/** Apollo plugin: a signed-in caller's mutation marks their organization (RecentWrites) before the answer leaves. */
export function readYourWritesPlugin(recent: RecentWrites): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<GqlContext> | void> {
      if (!recent.enabled) return;
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue.actor) await recent.mark(contextValue.actor.organizationId).catch(() => undefined);
        },
      };
    },
  };
}
