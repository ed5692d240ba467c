import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertWebLink, notFound } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { RecordHolderInput, UpdateRecordHolderInput } from '../records.model';
import { assertId } from '../scope';
import { RecordHolder } from './record-holder.entity';

const clean = (v: RecordHolderInput) => {
  const portalUrl = v.portalUrl?.trim() ?? '';
  // The portal link is shown to staff and patients and may go into e-mails and letters: an
  // https: address only (a patient portal carries health records; plain http has no place there).
  assertWebLink(portalUrl, 'portalUrl', ['https:'], 'The portal address must be a web address starting with https://');
  return {
    name: v.name.trim(),
    department: v.department?.trim() ?? '',
    phone: v.phone?.trim() ?? '',
    fax: v.fax?.trim() ?? '',
    email: v.email?.trim().toLowerCase() ?? '',
    portalUrl,
    address: v.address?.trim() ?? '',
  };
};

/** The organization's directory of providers and facilities that hold records. Not patient data. */
@Injectable()
export class RecordHolderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(RecordHolder);
  }

  list(actor: Actor, search?: string | null): Promise<RecordHolder[]> {
    const q = this.repo.createQueryBuilder('h').where('h.organization_id = :org', { org: actor.organizationId }).orderBy('h.name', 'ASC').take(200);
    if (search?.trim()) q.andWhere('h.name ILIKE :s', { s: `%${search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    return q.getMany();
  }

  /** Holders of the caller's organization, batched per request. */
  loader(ctx: GqlContext, organizationId: string): DataLoader<string, RecordHolder | null> {
    return perRequest(
      ctx,
      `holders:${organizationId}`,
      () =>
        new DataLoader<string, RecordHolder | null>(async (ids) => {
          const rows = await this.repo.findBy({ id: In([...ids]), organizationId });
          const byId = new Map(rows.map((h) => [h.id, h]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  async requireInOrg(actor: Actor, id: string): Promise<RecordHolder> {
    assertId(id, 'Record holder');
    const holder = await this.repo.findOneBy({ id, organizationId: actor.organizationId });
    if (!holder) throw notFound('Record holder');
    return holder;
  }

  /** Pass the transaction's manager when the holder is added as part of another change (a request). */
  async create(actor: Actor, input: RecordHolderInput, manager?: EntityManager): Promise<RecordHolder> {
    const repo = manager ? manager.getRepository(RecordHolder) : this.repo;
    const holder = await repo.save(repo.create({ organizationId: actor.organizationId, ...clean(input) }));
    await this.audit.record(actor, { action: 'record_holder.create', entityType: 'record_holder', entityId: holder.id }, manager);
    return holder;
  }

  async update(actor: Actor, input: UpdateRecordHolderInput): Promise<RecordHolder> {
    const holder = await this.requireInOrg(actor, input.id);
    Object.assign(holder, clean(input));
    const saved = await this.repo.save(holder);
    await this.audit.record(actor, { action: 'record_holder.update', entityType: 'record_holder', entityId: holder.id });
    return saved;
  }
}
