import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertDoctorScriptBody, CaseEventKind, DomainError, DomainErrorCode, notFound, parseDoctorScriptSource } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { Clock, GqlContext, isUuid, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { DoctorScriptInput, SaveCaseDoctorScriptInput } from '../providers.model';
import { CaseDoctorScript, DoctorScript } from './doctor-script.entity';

/**
 * Ways to ask the current doctor: the built-in library (keys and words in the domain, in English
 * and Spanish, served by ProvidersResolver.doctorScriptLibrary), scripts the organization adds,
 * and the one a patient saved on a case.
 */
@Injectable()
export class DoctorScriptService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
  ) {}

  /** The organization's own scripts: everyone in it may read them (they hold no patient data). */
  list(actor: Actor): Promise<DoctorScript[]> {
    return this.dataSource.getRepository(DoctorScript).find({ where: { organizationId: actor.organizationId }, order: { createdAt: 'ASC', id: 'ASC' }, take: 200 });
  }

  async create(actor: Actor, input: DoctorScriptInput): Promise<DoctorScript> {
    const title = input.title.trim();
    if (!title) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Give the script a short title.', { field: 'title' });
    const body = assertDoctorScriptBody(input.body);
    return this.dataSource.transaction(async (m) => {
      const script = await m.save(m.create(DoctorScript, { organizationId: actor.organizationId, purpose: input.purpose, situation: input.situation, title, body, createdById: actor.userId }));
      await this.audit.record(actor, { action: 'doctor_script.create', entityType: 'doctor_script', entityId: script.id }, m);
      return script;
    });
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    if (!isUuid(id)) throw notFound('Script');
    return this.dataSource.transaction(async (m) => {
      const r = await m.delete(DoctorScript, { id, organizationId: actor.organizationId });
      if (!r.affected) throw notFound('Script');
      await this.audit.record(actor, { action: 'doctor_script.delete', entityType: 'doctor_script', entityId: id }, m);
      return true;
    });
  }

  /** The saved script of many cases (already read through the case scope). */
  loader(ctx: GqlContext, actor: Actor): DataLoader<string, CaseDoctorScript | null> {
    return perRequest(
      ctx,
      'case-doctor-scripts',
      () =>
        new DataLoader<string, CaseDoctorScript | null>(async (caseIds) => {
          const rows = await this.dataSource.getRepository(CaseDoctorScript).findBy({ caseId: In([...caseIds]), organizationId: actor.organizationId });
          return caseIds.map((id) => rows.find((r) => r.caseId === id) ?? null);
        }),
    );
  }

  /** The patient's chosen words, saved on the case (one per case, replaced on each save). */
  async saveForCase(actor: Actor, input: SaveCaseDoctorScriptInput): Promise<CaseDoctorScript> {
    const source = parseDoctorScriptSource(input.sourceKey?.trim() || null);
    const body = assertDoctorScriptBody(input.body);
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.requireOf(actor, input.caseId, 'edit', 'Case', m, true);
      if (source.kind === 'ORGANIZATION') {
        const exists = isUuid(source.id) && (await m.existsBy(DoctorScript, { id: source.id, organizationId: kase.organizationId }));
        if (!exists) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'That script is not in the library.', { field: 'sourceKey' });
      }
      const existing = await m.findOneBy(CaseDoctorScript, { caseId: kase.id });
      const row = existing ?? m.create(CaseDoctorScript, { organizationId: kase.organizationId, caseId: kase.id });
      Object.assign(row, { sourceKey: input.sourceKey?.trim() ?? '', purpose: input.purpose, situation: input.situation ?? null, body, updatedById: actor.userId, updatedAt: this.clock.now() });
      const saved = await m.save(row);
      await this.audit.record(actor, { action: 'case_doctor_script.save', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { source: source.kind } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.DOCTOR_SCRIPT_CHANGED, entityId: saved.id });
      return saved;
    });
  }
}
