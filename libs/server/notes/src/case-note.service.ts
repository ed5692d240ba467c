import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CASE_NOTE_LIMITS, CaseEventKind, CaseNoteKind, caseNoteAccess, checkNoteUpdateEncoding, DomainError, DomainErrorCode, notFound } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { DataSource, EntityManager } from 'typeorm';
import { CaseNote } from './case-note.entity';
import { ApplyCaseNoteUpdateInput, CaseNoteModel } from './case-note.model';
import { mergeNoteUpdate, viewNote } from './note-doc';

const WHAT = 'Note';

/**
 * The activity feed gets one line when someone starts a stretch of editing a note, not one
 * per save batch: a new line once another person edited in between or this long has passed.
 */
export const NOTE_ACTIVITY_QUIET_MS = 10 * 60_000;

/** A save that changed a note: what other viewers need to merge it into their copy. */
export interface CaseNoteChange {
  organizationId: string;
  caseId: string;
  kind: CaseNoteKind;
  /** Base64 of the update as received (already validated and merged). */
  update: string;
  version: number;
  byUserId: string;
}

export type CaseNoteChangeListener = (change: CaseNoteChange) => void | Promise<void>;

function decodeBase64(value: string, field: 'update' | 'stateVector'): Buffer {
  const problem = checkNoteUpdateEncoding(value, field === 'update' ? CASE_NOTE_LIMITS.maxUpdateBytes : 8192);
  if (problem === 'TOO_LARGE') {
    throw new DomainError(DomainErrorCode.PAYLOAD_TOO_LARGE, 'This change to the notes is too large to send at once. Nothing was saved.', {
      field,
      reason: 'UPDATE_TOO_LARGE',
      max: CASE_NOTE_LIMITS.maxUpdateBytes,
    });
  }
  if (problem) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This change to the notes could not be read. Nothing was saved.', { field, reason: problem });
  return Buffer.from(value, 'base64');
}

/**
 * The two notes of a case. Writes merge the client's Yjs update into the stored state inside
 * a row lock (one row per note), so concurrent savers queue for a few milliseconds instead of
 * overwriting each other, and the row is always the whole, current note.
 * Audit: one row per save batch (the client batches keystrokes), and one per read.
 */
@Injectable()
export class CaseNoteService {
  /** Called after a change commits (live delivery to other viewers). */
  readonly listeners: CaseNoteChangeListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsPublisher,
  ) {}

  /** The case and the caller's rights on this note; NOT_FOUND when they may not even know of it. */
  async authorize(actor: Actor, caseId: string, kind: CaseNoteKind, need: 'read' | 'write', manager?: EntityManager) {
    const { kase, can } = await this.access.load(actor, caseId, manager).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === DomainErrorCode.NOT_FOUND) throw notFound(WHAT);
      throw e;
    });
    const rights = caseNoteAccess(kind, can);
    if (!rights.read) throw notFound(WHAT);
    if (need === 'write' && !rights.write) throw new DomainError(DomainErrorCode.FORBIDDEN, 'You can read these notes but not change them.');
    return kase;
  }

  /** May this caller receive live changes of this note? Same rule as reading it. */
  async canRead(actor: Actor, caseId: string, kind: CaseNoteKind): Promise<boolean> {
    try {
      await this.authorize(actor, caseId, kind, 'read');
      return true;
    } catch (e) {
      if (e instanceof DomainError && e.code === DomainErrorCode.NOT_FOUND) return false;
      throw e;
    }
  }

  async get(actor: Actor, caseId: string, kind: CaseNoteKind, stateVector?: string | null): Promise<CaseNoteModel> {
    const since = stateVector ? decodeBase64(stateVector, 'stateVector') : null;
    const kase = await this.authorize(actor, caseId, kind, 'read');
    const row = await this.dataSource.getRepository(CaseNote).findOneBy({ caseId: kase.id, kind });
    const view = viewNote(row?.state ?? null, since);
    await this.audit.record(actor, { action: 'case_note.read', entityType: 'case_note', entityId: kind, caseId: kase.id, detail: { kind } });
    return this.model(kase.id, kind, view, row);
  }

  async apply(actor: Actor, input: ApplyCaseNoteUpdateInput): Promise<CaseNoteModel> {
    const update = decodeBase64(input.update, 'update');
    const since = input.stateVector ? decodeBase64(input.stateVector, 'stateVector') : null;
    let change: CaseNoteChange | null = null;
    const result = await this.dataSource.transaction(async (m) => {
      const kase = await this.authorize(actor, input.caseId, input.kind, 'write', m);
      // The row exists from the first save on; creating it here lets the lock below serialise
      // even the very first two writers of a note.
      await m
        .createQueryBuilder()
        .insert()
        .into(CaseNote)
        .values({ caseId: kase.id, kind: input.kind, organizationId: kase.organizationId, state: Buffer.alloc(0), textLength: 0, version: 0 })
        .orIgnore()
        .execute();
      const row = await m
        .getRepository(CaseNote)
        .createQueryBuilder('n')
        .where('n.case_id = :caseId AND n.kind = :kind', { caseId: kase.id, kind: input.kind })
        .setLock('pessimistic_write')
        .getOneOrFail();
      const merged = mergeNoteUpdate(row.state.length ? row.state : null, update);
      if (merged.changed) {
        const startsStretch = row.version === 0 || row.updatedById !== actor.userId || Date.now() - row.updatedAt.getTime() > NOTE_ACTIVITY_QUIET_MS;
        row.state = Buffer.from(merged.state);
        row.textLength = merged.text.length;
        row.version += 1;
        row.updatedById = actor.userId;
        await m.save(row);
        await this.audit.record(
          actor,
          { action: 'case_note.update', entityType: 'case_note', entityId: input.kind, caseId: kase.id, detail: { kind: input.kind, bytes: update.length, version: row.version } },
          m,
        );
        if (startsStretch) {
          await this.events.publish(m, actor, kase, { kind: CaseEventKind.NOTE_CHANGED, entityId: null, staffOnly: input.kind === CaseNoteKind.STAFF, detail: { note: input.kind } });
        }
        change = { organizationId: kase.organizationId, caseId: kase.id, kind: input.kind, update: input.update, version: row.version, byUserId: actor.userId };
      } else {
        // Nothing new (a client catching up): still a read of the note.
        await this.audit.record(actor, { action: 'case_note.read', entityType: 'case_note', entityId: input.kind, caseId: kase.id, detail: { kind: input.kind } }, m);
      }
      return this.model(kase.id, input.kind, viewNote(row.state.length ? row.state : null, since), row);
    });
    if (change) await this.notify(change);
    return result;
  }

  private async notify(change: CaseNoteChange): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch {
        // Live delivery is best effort: viewers that miss it catch up on their next sync.
      }
    }
  }

  private model(caseId: string, kind: CaseNoteKind, view: ReturnType<typeof viewNote>, row: CaseNote | null): CaseNoteModel {
    return {
      caseId,
      kind,
      text: view.text,
      update: Buffer.from(view.diff).toString('base64'),
      stateVector: Buffer.from(view.stateVector).toString('base64'),
      version: row?.version ?? 0,
      updatedAt: row && row.version > 0 ? row.updatedAt : null,
    };
  }
}
