import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode, notFound } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, CasePermission } from '@second-look/server-cases';
import { APP_CONFIG, AppConfig, GqlContext, isUuid, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { PacketItem } from '../packet/packet-item.entity';
import { CaseDocument } from './case-document.entity';
import { CaseDocumentModel, toCaseDocumentModel } from './case-document.model';
import { documentKey, OBJECT_STORAGE, ObjectStorage, StoredObjectMissing } from './storage/object-storage';
import { receiveUpload } from './upload-receiver';

/**
 * Files on packet items. Every path first finds the row within the caller's organization,
 * then asks the case scope for the right it needs; anything outside answers exactly like an
 * id that does not exist.
 */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger(DocumentService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  /** The case right, with "case not found" turned into "<what> not found" so nothing tells them apart. */
  private async requireCase(actor: Actor, caseId: string, permission: CasePermission, what: string, manager?: EntityManager): Promise<void> {
    try {
      await this.access.require(actor, caseId, permission, manager);
    } catch (e) {
      if (e instanceof DomainError && e.code === DomainErrorCode.NOT_FOUND) throw notFound(what);
      throw e;
    }
  }

  /**
   * Receives one file for a packet item. Order matters: the caller's right is checked before
   * a byte is read; the file is checked whole before anything is stored; the row and its audit
   * entry commit together, and if they fail the stored object is removed again.
   */
  async upload(actor: Actor, packetItemId: string, req: Request): Promise<CaseDocumentModel> {
    const item = await this.findItem(actor, packetItemId);
    await this.requireCase(actor, item.caseId, 'edit', 'Packet item');

    const file = await receiveUpload(req, this.config.documentMaxBytes);
    const key = documentKey(item.organizationId, item.caseId);
    let stored = false;
    try {
      await this.storage.put(key, createReadStream(file.tmpPath), { contentType: file.type.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256 });
      stored = true;
      const doc = await this.dataSource.transaction(async (m) => {
        // Again inside the transaction: the right may have been withdrawn during a long upload.
        await this.requireCase(actor, item.caseId, 'edit', 'Packet item', m);
        const still = await m.findOne(PacketItem, { where: { id: item.id, organizationId: actor.organizationId }, select: { id: true }, lock: { mode: 'pessimistic_read' } });
        if (!still) throw notFound('Packet item');
        const row = await m.save(
          m.create(CaseDocument, {
            organizationId: item.organizationId,
            caseId: item.caseId,
            packetItemId: item.id,
            storageKey: key,
            fileName: file.fileName,
            contentType: file.type.contentType,
            sizeBytes: String(file.sizeBytes),
            sha256: file.sha256,
            uploadedById: actor.userId,
          }),
        );
        await this.audit.record(
          actor,
          {
            action: 'document.upload',
            entityType: 'document',
            entityId: row.id,
            caseId: item.caseId,
            detail: { packetItemId: item.id, contentType: row.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256 },
          },
          m,
        );
        return row;
      });
      return toCaseDocumentModel(doc);
    } catch (e) {
      if (stored) await this.storage.delete(key).catch((err: unknown) => this.logger.error(`Could not remove ${key} after a failed upload: ${String(err)}`));
      throw e;
    } finally {
      await file.discard();
    }
  }

  /** The file for download, audited as read once its bytes are there to send. */
  async open(actor: Actor, documentId: string): Promise<{ doc: CaseDocument; body: Readable }> {
    const doc = await this.findDocument(actor, documentId);
    await this.requireCase(actor, doc.caseId, 'read', 'Document');
    let body: Readable;
    try {
      body = await this.storage.get(doc.storageKey);
    } catch (e) {
      if (e instanceof StoredObjectMissing) {
        this.logger.error(`Document ${doc.id} has a row but no stored object`);
        throw notFound('Document');
      }
      throw e;
    }
    try {
      await this.audit.record(actor, { action: 'document.download', entityType: 'document', entityId: doc.id, caseId: doc.caseId, detail: { packetItemId: doc.packetItemId } });
    } catch (e) {
      body.destroy();
      throw e;
    }
    return { doc, body };
  }

  /** Removes the row (audited) and then the bytes; a failure to remove the bytes leaves an orphan that is only logged. */
  async remove(actor: Actor, documentId: string): Promise<void> {
    const doc = await this.dataSource.transaction(async (m) => {
      const found = await this.findDocument(actor, documentId, m, true);
      await this.requireCase(actor, found.caseId, 'edit', 'Document', m);
      await m.delete(CaseDocument, { id: found.id });
      await this.audit.record(actor, { action: 'document.delete', entityType: 'document', entityId: found.id, caseId: found.caseId, detail: { packetItemId: found.packetItemId } }, m);
      return found;
    });
    await this.storage.delete(doc.storageKey).catch((err: unknown) => this.logger.error(`Document ${doc.id} deleted, but its object ${doc.storageKey} was not: ${String(err)}`));
  }

  /**
   * Documents of many packet items in one query, oldest first, for the `PacketItem.documents`
   * field. The case scope is applied in SQL as well, so even an item id that slipped past a
   * caller's own check returns nothing.
   */
  loader(ctx: GqlContext, actor: Actor): DataLoader<string, CaseDocumentModel[]> {
    return perRequest(
      ctx,
      'caseDocuments',
      () =>
        new DataLoader<string, CaseDocumentModel[]>(async (itemIds) => {
          const scope = this.access.scoped(actor, undefined, 'sc').select('sc.id');
          const rows = await this.dataSource
            .getRepository(CaseDocument)
            .createQueryBuilder('d')
            .where('d.packet_item_id IN (:...itemIds) AND d.organization_id = :docOrg', { itemIds: [...itemIds], docOrg: actor.organizationId })
            .andWhere(`d.case_id IN (${scope.getQuery()})`)
            .setParameters(scope.getParameters())
            .orderBy('d.created_at', 'ASC')
            .addOrderBy('d.id', 'ASC')
            .getMany();
          const byItem = new Map<string, CaseDocumentModel[]>();
          for (const r of rows) {
            const list = byItem.get(r.packetItemId) ?? [];
            list.push(toCaseDocumentModel(r));
            byItem.set(r.packetItemId, list);
          }
          return itemIds.map((id) => byItem.get(id) ?? []);
        }),
    );
  }

  /** `loader` for a list of items at once: one array of documents per item id, in order. */
  listForItems(ctx: GqlContext, actor: Actor, itemIds: readonly string[]): Promise<CaseDocumentModel[][]> {
    const loader = this.loader(ctx, actor);
    return Promise.all(itemIds.map((id) => loader.load(id)));
  }

  private async findItem(actor: Actor, id: string): Promise<Pick<PacketItem, 'id' | 'caseId' | 'organizationId'>> {
    if (!isUuid(id)) throw notFound('Packet item');
    const item = await this.dataSource.getRepository(PacketItem).findOne({ where: { id, organizationId: actor.organizationId }, select: { id: true, caseId: true, organizationId: true } });
    if (!item) throw notFound('Packet item');
    return item;
  }

  private async findDocument(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<CaseDocument> {
    if (!isUuid(id)) throw notFound('Document');
    const doc = await manager.findOne(CaseDocument, { where: { id, organizationId: actor.organizationId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!doc) throw notFound('Document');
    return doc;
  }
}
