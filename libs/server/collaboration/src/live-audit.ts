import { Injectable } from '@nestjs/common';
import { Actor } from '@second-look/domain';
import { AuditEntry, AuditService } from '@second-look/server-audit';
import { TenantContext } from '@second-look/server-platform';

/**
 * Audit rows for live reads, written before the data is sent.
 *
 * Volume: a subscription start is one row ("case.live.subscribe"); then one row per event
 * actually delivered to a person ("case.live.event", with the entity id), because each is a
 * read of patient data by that person. Events a receiver is not allowed to get are not
 * delivered and not audited, and presence/heartbeat traffic carries no patient data and is
 * not audited. Rows that become due in the same tick (one event fanned out to everyone on a
 * case on this replica) are inserted in one statement instead of one each; every sender
 * still waits for its row to be committed before the event leaves.
 */
@Injectable()
export class LiveAuditBatcher {
  private batch: Array<{ actor: Pick<Actor, 'userId' | 'organizationId'>; entry: AuditEntry; done: (e?: unknown) => void }> = [];
  private scheduled = false;

  constructor(private readonly audit: AuditService) {}

  record(actor: Pick<Actor, 'userId' | 'organizationId'>, entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.batch.push({ actor, entry, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    this.scheduled = false;
    // AuditService.record takes one actor per call; group so each statement is still multi-row.
    const byActor = new Map<string, { actor: (typeof rows)[number]['actor']; group: typeof rows }>();
    for (const r of rows) {
      const k = `${r.actor.organizationId}:${r.actor.userId}`;
      const known = byActor.get(k);
      if (known) known.group.push(r);
      else byActor.set(k, { actor: r.actor, group: [r] });
    }
    await Promise.all(
      [...byActor.values()].map(async ({ actor, group }) => {
        try {
          // Each group in its own organization's scope: the flush was scheduled from whichever
          // receiver's operation came first, and its scope may hold another organization.
          await TenantContext.forOrganization(
            actor.organizationId,
            () =>
              this.audit.record(
                actor,
                group.map((g) => g.entry),
              ),
            actor.userId,
          );
          group.forEach((g) => g.done());
        } catch (e) {
          group.forEach((g) => g.done(e));
        }
      }),
    );
  }
}
