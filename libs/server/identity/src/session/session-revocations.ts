import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS, describeSafely } from '@second-look/server-platform';
import Redis from 'ioredis';

/**
 * The channel name under the live prefix (`<redisPrefix>:live:<name>`, the same naming as the
 * collaboration library's RedisPubSub, whose LiveConnections listens to it on every API replica).
 */
export const REVOCATION_CHANNEL = 'sessions:revoked';

/**
 * What ended or changed. Which sockets it reaches: the listed sessions; every session of `userId`
 * (but `exceptSessionId`); or every session of `organizationId`.
 * - `SIGNED_OUT`: the session is over; its sockets close with 4401 and the page shows it.
 * - `RIGHTS_CHANGED`: the session goes on with other rights (a role change, the organization now
 *   asks for a second sign-in step); its sockets close with a code the client reconnects after,
 *   and the new socket carries the new rights.
 */
export interface RevocationMessage {
  reason: 'SIGNED_OUT' | 'RIGHTS_CHANGED';
  sessionIds?: string[];
  userId?: string;
  exceptSessionId?: string;
  organizationId?: string;
}

/**
 * Tells every API replica at once that sessions ended or their rights changed, so open
 * WebSockets stop within a second instead of at the next periodic re-check. Publish only after
 * the change is committed. A Redis failure does not undo a sign-out: the database is the truth
 * and each socket still re-checks it (see LiveConnections), so it is logged, not thrown.
 */
@Injectable()
export class SessionRevocations {
  private readonly log = new Logger('SessionRevocations');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publish(message: RevocationMessage): Promise<void> {
    try {
      await this.redis.publish(`${this.config.redisPrefix}:live:${REVOCATION_CHANNEL}`, JSON.stringify(message));
    } catch (e) {
      this.log.warn(`revocation not published: ${describeSafely(e)}`);
    }
  }
}
