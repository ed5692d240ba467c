import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode } from '@second-look/domain';
import { isUuid, PAGED_LISTS } from '@second-look/server-platform';
import { DataSource, In, IsNull } from 'typeorm';
import { Notification } from './notification.entity';
import { NotificationConnection } from './notification.model';

/** A person's own notifications: every query is by the caller's user id, nothing else. */
@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(Notification);
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.repo.countBy({ userId: actor.userId, readAt: IsNull() });
  }

  async list(actor: Actor, first: number, after: string | null, unreadOnly: boolean): Promise<NotificationConnection> {
    const take = Math.min(Math.max(first, 1), PAGED_LISTS['Query.notifications'].max);
    const q = this.repo
      .createQueryBuilder('n')
      .where('n.user_id = :me', { me: actor.userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(take + 1);
    if (unreadOnly) q.andWhere('n.read_at IS NULL');
    if (after) {
      const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
      if (!at || !isUuid(id) || Number.isNaN(Date.parse(at))) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The page cursor is not valid.', { field: 'after' });
      q.andWhere('(n.created_at, n.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at, id });
    }
    const rows = await q.getMany();
    const nodes = rows.slice(0, take);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      unreadCount: await this.unreadCount(actor),
      pageInfo: { hasNextPage: rows.length > take, endCursor: last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null },
    };
  }

  /** Marks the caller's own notifications read; ids of anyone else's are simply not matched. */
  async markRead(actor: Actor, ids: string[] | null): Promise<number> {
    const where = ids ? { userId: actor.userId, readAt: IsNull(), id: In(ids.filter(isUuid)) } : { userId: actor.userId, readAt: IsNull() };
    if (ids && !ids.some(isUuid)) return 0;
    const r = await this.repo.update(where, { readAt: new Date() });
    return r.affected ?? 0;
  }
}
