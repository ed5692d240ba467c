import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CaseNoteKind } from '@second-look/domain';
import { LiveAuditBatcher, LiveConnections, LiveStream, RedisPubSub } from '@second-look/server-collaboration';
import { CurrentActor, GqlContext, GqlCtx, IdPipe } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { CaseNote } from './case-note.entity';
import { CaseNoteModel } from './case-note.model';
import { CaseNoteChange, CaseNoteService } from './case-note.service';
import { viewNote } from './note-doc';

/** What travels over Redis: which note moved to which version. Never the text itself. */
interface NoteSignal {
  organizationId: string;
  caseId: string;
  kind: CaseNoteKind;
  version: number;
}

const noteChannel = (caseId: string, kind: CaseNoteKind) => `note:${caseId}:${kind}`;

/**
 * Live delivery of note edits to everyone else who has the note open, on any API replica.
 * A save signals "this note is now at version n"; each receiver's stream then reads the note
 * through the receiver's own scope and sends exactly what that receiver lacks (a diff from the
 * state vector of what it has been sent so far). So a receiver that missed a signal, or gets
 * several at once, still ends up with everything, and no note text passes through Redis.
 */
@Injectable()
export class CaseNoteLive implements OnModuleInit {
  private readonly log = new Logger('CaseNoteLive');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notes: CaseNoteService,
    private readonly pubsub: RedisPubSub,
    private readonly audit: LiveAuditBatcher,
    private readonly connections: LiveConnections,
  ) {}

  onModuleInit(): void {
    this.notes.listeners.push((c: CaseNoteChange) =>
      this.pubsub.publish(noteChannel(c.caseId, c.kind), { organizationId: c.organizationId, caseId: c.caseId, kind: c.kind, version: c.version } satisfies NoteSignal),
    );
  }

  /** `connectionId`: the socket it goes out on; a signed-out or changed session gets nothing more. */
  async stream(actor: Actor, caseId: string, kind: CaseNoteKind, stateVector: string | null, connectionId?: string): Promise<LiveStream<{ caseNoteUpdates: CaseNoteModel }>> {
    // Refused up front exactly like the query: the staff note is "not found" for patients.
    const kase = await this.notes.authorize(actor, caseId, kind, 'read');
    let sent: Uint8Array | null = stateVector ? Buffer.from(stateVector, 'base64') : null;
    let sentVersion = -1;
    /** `first`: the message that opens the stream is always sent, so the client knows it is live. */
    const deliver = async (first = false): Promise<{ caseNoteUpdates: CaseNoteModel } | null> => {
      if (!(await this.connections.mayDeliver(connectionId))) return null;
      // Access can end while the page is open (a caregiver removed): then the stream ends.
      await this.notes.authorize(actor, kase.id, kind, 'read');
      const row = await this.dataSource.getRepository(CaseNote).findOneBy({ caseId: kase.id, kind });
      const version = row?.version ?? 0;
      if (!first && version <= sentVersion) return null;
      const state = row?.state.length ? row.state : null;
      let view;
      try {
        view = viewNote(state, sent);
      } catch {
        view = viewNote(state, null);
      }
      sentVersion = version;
      sent = view.stateVector;
      await this.audit.record(actor, { action: 'case_note.live', entityType: 'case_note', entityId: kind, caseId: kase.id, detail: { kind, version } });
      if (!(await this.connections.mayDeliver(connectionId))) return null;
      return {
        caseNoteUpdates: {
          caseId: kase.id,
          kind,
          text: view.text,
          update: Buffer.from(view.diff).toString('base64'),
          stateVector: Buffer.from(view.stateVector).toString('base64'),
          version,
          updatedAt: row && row.version > 0 ? row.updatedAt : null,
        },
      };
    };
    let unlisten: (() => Promise<void>) | null = null;
    const stream = new LiveStream<{ caseNoteUpdates: CaseNoteModel }>({
      onClose: () => unlisten?.(),
      onError: (e) => this.log.debug(`note stream ended: ${String(e)}`),
      maxQueued: 50,
    });
    unlisten = await this.pubsub.listen(noteChannel(kase.id, kind), (raw) => {
      const signal = JSON.parse(raw) as NoteSignal;
      if (signal.caseId !== kase.id || signal.organizationId !== kase.organizationId || signal.kind !== kind) return;
      if (signal.version <= sentVersion) return;
      stream.enqueue(() => deliver());
    });
    if (stream.isClosed) await unlisten();
    // Whatever was saved between the client's load and this subscription arrives now.
    stream.enqueue(() => deliver(true));
    return stream;
  }
}

@Resolver(() => CaseNoteModel)
export class CaseNoteLiveResolver {
  constructor(private readonly live: CaseNoteLive) {}

  @Subscription(() => CaseNoteModel, {
    description: "Others' edits to a note while you have it open: each message carries what you lack (send the state vector you loaded).",
  })
  caseNoteUpdates(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }, IdPipe) caseId: string,
    @Args('kind', { type: () => CaseNoteKind }) kind: CaseNoteKind,
    @Args('stateVector', { type: () => String, nullable: true }) stateVector: string | null,
    @GqlCtx() ctx: GqlContext,
  ) {
    return this.live.stream(actor, caseId, kind, stateVector, ctx.live?.connectionId);
  }
}
