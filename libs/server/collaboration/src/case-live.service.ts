import { Injectable, Logger } from '@nestjs/common';
import { CaseEventKind } from '@second-look/domain';
import { randomUUID } from 'node:crypto';
import { caseChannel, CaseEventMessage, presenceChannel } from './case-event';
import { CaseEventModel } from './case-event.model';
import { LiveStream } from './live-stream';
import { PRESENCE, PresenceEntry, PresenceStore } from './presence.store';
import { RedisPubSub } from './redis-pubsub';

export const toEventModel = (m: CaseEventMessage): CaseEventModel => ({ ...m, at: new Date(m.at) });

/** Builds the streams behind the case subscriptions; the scope checks are the caller's. */
@Injectable()
export class CaseLiveService {
  private readonly log = new Logger('CaseLive');

  constructor(
    private readonly pubsub: RedisPubSub,
    private readonly presence: PresenceStore,
  ) {}

  /**
   * Every event of one case, each passed through `deliver` (the receiver's scope check and
   * audit) before it is sent; `deliver` returns null to send nothing, or throws to end the
   * stream (e.g. the receiver lost access). Starts with a SUBSCRIBED event once Redis has
   * confirmed the subscription: from then on nothing is missed, so a client refetches once.
   */
  async caseEvents(caseId: string, organizationId: string, deliver: (e: CaseEventModel) => Promise<CaseEventModel | null>): Promise<LiveStream<{ caseEvents: CaseEventModel }>> {
    let unlisten: (() => Promise<void>) | null = null;
    const stream = new LiveStream<{ caseEvents: CaseEventModel }>({
      onClose: () => unlisten?.(),
      onError: (e) => this.log.debug(`case stream ended: ${String(e)}`),
    });
    const wrap = (e: CaseEventModel | null) => (e ? { caseEvents: e } : null);
    unlisten = await this.pubsub.listen(caseChannel(caseId), (raw) => {
      const message = JSON.parse(raw) as CaseEventMessage;
      if (message.caseId !== caseId || message.organizationId !== organizationId) return;
      stream.enqueue(async () => wrap(await deliver(toEventModel(message))));
    });
    if (stream.isClosed) await unlisten();
    const hello: CaseEventModel = {
      id: randomUUID(),
      kind: CaseEventKind.SUBSCRIBED,
      caseId,
      organizationId,
      entityId: null,
      removed: false,
      staffOnly: false,
      at: new Date(),
      actorId: null,
      detail: null,
    };
    stream.enqueue(async () => wrap(await deliver(hello)));
    return stream;
  }

  /**
   * Who is on a case, as a list sent at the start and whenever it changes. The caller's own
   * entry is added at the start, refreshed while the stream is open, and removed when it
   * ends (unsubscribe, socket closed, or dropped by the heartbeat). `check` re-checks the
   * receiver's access before each list; throwing ends the stream.
   */
  async presenceStream<T>(caseId: string, me: Omit<PresenceEntry, 'since' | 'editing'>, check: (list: PresenceEntry[]) => Promise<T>): Promise<LiveStream<T>> {
    let unlisten: (() => Promise<void>) | null = null;
    let last = '';
    const emitIfChanged = () =>
      stream.enqueue(async () => {
        const list = await this.presence.list(caseId);
        const sig = JSON.stringify(list.map((p) => [p.key, p.editing]));
        if (sig === last) return null;
        last = sig;
        return check(list);
      });
    const timer = setInterval(() => {
      void this.presence.touch(caseId, me.key).then(emitIfChanged, () => undefined);
    }, PRESENCE.refreshMs);
    timer.unref();
    const stream = new LiveStream<T>({
      onClose: async () => {
        clearInterval(timer);
        await unlisten?.();
        await this.presence.remove(caseId, me.key).catch(() => undefined);
        await this.presence.changed(caseId).catch(() => undefined);
      },
      onError: (e) => this.log.debug(`presence stream ended: ${String(e)}`),
    });
    unlisten = await this.pubsub.listen(presenceChannel(caseId), () => emitIfChanged());
    await this.presence.upsert(caseId, { ...me, editing: null, since: new Date().toISOString() });
    await this.presence.changed(caseId);
    if (stream.isClosed) await stream.return();
    emitIfChanged();
    return stream;
  }

  /** Sets what a person is editing on their own open page; false when that page is not live. */
  async setEditing(caseId: string, key: string, editing: string | null): Promise<boolean> {
    const current = await this.presence.get(caseId, key);
    if (!current) return false;
    if (current.editing === editing) return true;
    await this.presence.upsert(caseId, { ...current, editing });
    await this.presence.changed(caseId);
    return true;
  }
}
