import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertCandidateFields, notFound, ProviderVisitMode } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { isUuid } from '@second-look/server-platform';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryProviderInput } from '../providers.model';
import { ProviderDirectoryEntry } from './provider-directory-entry.entity';

const WHAT = 'Directory provider';

/** The organization's directory of second-opinion providers. Not patient data; staff keep it. */
@Injectable()
export class ProviderDirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor, search?: string | null): Promise<ProviderDirectoryEntry[]> {
    const q = this.dataSource
      .getRepository(ProviderDirectoryEntry)
      .createQueryBuilder('d')
      .where('d.organization_id = :org', { org: actor.organizationId })
      .orderBy('d.name', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .take(200);
    const s = search?.trim();
    if (s) q.andWhere('(d.name ILIKE :s OR d.specialty ILIKE :s OR d.sub_specialty ILIKE :s OR d.institution ILIKE :s)', { s: `%${s.replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    return q.getMany();
  }

  async requireInOrg(actor: Actor, id: string, m: EntityManager = this.dataSource.manager): Promise<ProviderDirectoryEntry> {
    if (!isUuid(id)) throw notFound(WHAT);
    const entry = await m.findOneBy(ProviderDirectoryEntry, { id, organizationId: actor.organizationId });
    if (!entry) throw notFound(WHAT);
    return entry;
  }

  async create(actor: Actor, input: DirectoryProviderInput): Promise<ProviderDirectoryEntry> {
    const fields = {
      name: input.name.trim(),
      specialty: input.specialty.trim(),
      subSpecialty: input.subSpecialty?.trim() ?? '',
      institution: input.institution?.trim() ?? '',
      academicCentre: input.academicCentre ?? false,
      visitMode: input.visitMode ?? ProviderVisitMode.IN_PERSON,
      contact: input.contact?.trim() ?? '',
      notes: input.notes?.trim() ?? '',
    };
    assertCandidateFields(fields);
    return this.dataSource.transaction(async (m) => {
      const entry = await m.save(m.create(ProviderDirectoryEntry, { organizationId: actor.organizationId, ...fields }));
      await this.audit.record(actor, { action: 'provider_directory.create', entityType: 'provider_directory_entry', entityId: entry.id }, m);
      return entry;
    });
  }
}
