import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertCandidateFields,
  assertChoiceReason,
  candidateStrengths,
  CaseEventKind,
  DomainError,
  DomainErrorCode,
  isStaffRole,
  notFound,
  ProviderHint,
  providerSpecialtyHint,
  CandidateStrength,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher, splitStaffFields } from '@second-look/server-collaboration';
import { Clock, GqlContext, isUuid, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { ProviderDirectoryService } from '../directory/provider-directory.service';
import { AddProviderCandidateInput, CandidateFieldsInput, ChooseProviderCandidateInput, UpdateProviderCandidateInput } from '../providers.model';
import { ProviderCandidate } from './provider-candidate.entity';

const WHAT = 'Provider candidate';
/** Fields a candidate takes from input as plain text. */
const TEXT_FIELDS = ['name', 'specialty', 'subSpecialty', 'institution', 'referredBy', 'notes'] as const;
const FLAG_FIELDS = ['academicCentre', 'otherHealthSystem', 'network', 'visitMode', 'expectedWaitDays'] as const;

@Injectable()
export class ProviderCandidateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly directory: ProviderDirectoryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
  ) {}

  private query(m: EntityManager, actor: Actor) {
    const q = m.getRepository(ProviderCandidate).createQueryBuilder('pc').where('pc.organization_id = :org', { org: actor.organizationId });
    // Staff notes are selected for staff only: they never leave the database for anyone else.
    if (isStaffRole(actor.role)) q.addSelect('pc.staffNotes');
    return q;
  }

  /** Candidates of many cases (already read through the case scope), batched per request. */
  loader(ctx: GqlContext, actor: Actor): DataLoader<string, ProviderCandidate[]> {
    return perRequest(
      ctx,
      'provider-candidates',
      () =>
        new DataLoader<string, ProviderCandidate[]>(async (caseIds) => {
          const rows = await this.query(this.dataSource.manager, actor)
            .andWhere('pc.case_id IN (:...caseIds)', { caseIds: [...caseIds] })
            .orderBy('pc.created_at', 'ASC')
            .addOrderBy('pc.id', 'ASC')
            .getMany();
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }

  /** The same-specialty hint and each candidate's strengths, against the current doctor. */
  choice(kase: PatientCase, candidates: ProviderCandidate[]): { hint: ProviderHint | null; strengths: { candidateId: string; strengths: CandidateStrength[] }[] } {
    const current = { specialty: kase.currentDoctorSpecialty, subSpecialty: kase.currentDoctorSubSpecialty };
    const strengths = candidateStrengths(current, candidates);
    return {
      hint: providerSpecialtyHint(current, candidates),
      strengths: candidates.map((c, i) => ({ candidateId: c.id, strengths: strengths[i] ?? [] })),
    };
  }

  private assertStaffNotes(actor: Actor, input: CandidateFieldsInput): void {
    if (input.staffNotes !== undefined && input.staffNotes !== null && !isStaffRole(actor.role)) {
      throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff can write staff notes.', { field: 'staffNotes' });
    }
  }

  private apply(target: Partial<ProviderCandidate>, input: CandidateFieldsInput): string[] {
    const fields: string[] = [];
    for (const k of TEXT_FIELDS) {
      const v = input[k];
      if (v === undefined || v === null) continue;
      target[k] = v.trim();
      fields.push(k);
    }
    for (const k of FLAG_FIELDS) {
      const v = input[k];
      if (v === undefined || v === null) continue;
      (target as Record<string, unknown>)[k] = v;
      fields.push(k);
    }
    if (input.staffNotes !== undefined && input.staffNotes !== null) {
      target.staffNotes = input.staffNotes.trim();
      fields.push('staffNotes');
    }
    return fields;
  }

  async add(actor: Actor, input: AddProviderCandidateInput): Promise<ProviderCandidate> {
    this.assertStaffNotes(actor, input);
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.requireOf(actor, input.caseId, 'edit', 'Case', m);
      const draft: Partial<ProviderCandidate> = { organizationId: kase.organizationId, caseId: kase.id, directoryEntryId: null };
      if (input.directoryEntryId) {
        const entry = await this.directory.requireInOrg(actor, input.directoryEntryId, m);
        Object.assign(draft, {
          directoryEntryId: entry.id,
          name: entry.name,
          specialty: entry.specialty,
          subSpecialty: entry.subSpecialty,
          institution: entry.institution,
          academicCentre: entry.academicCentre,
          visitMode: entry.visitMode,
        });
      }
      this.apply(draft, input);
      assertCandidateFields({ name: draft.name ?? '', specialty: draft.specialty ?? '', expectedWaitDays: draft.expectedWaitDays });
      const candidate = await m.save(m.create(ProviderCandidate, draft));
      await this.audit.record(
        actor,
        { action: 'provider_candidate.create', entityType: 'provider_candidate', entityId: candidate.id, caseId: kase.id, detail: { fromDirectory: !!draft.directoryEntryId } },
        m,
      );
      // The candidate is shared; its staff notes are read per receiver, so patients never get them.
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.PROVIDER_CHANGED, entityId: candidate.id, detail: { change: 'added' } });
      return this.reload(m, actor, candidate.id);
    });
  }

  private async lockOne(m: EntityManager, actor: Actor, id: string): Promise<ProviderCandidate> {
    if (!isUuid(id)) throw notFound(WHAT);
    const c = await this.query(m, actor).andWhere('pc.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!c) throw notFound(WHAT);
    return c;
  }

  private async reload(m: EntityManager, actor: Actor, id: string): Promise<ProviderCandidate> {
    return (await this.query(m, actor).andWhere('pc.id = :id', { id }).getOne())!;
  }

  async update(actor: Actor, input: UpdateProviderCandidateInput): Promise<ProviderCandidate> {
    this.assertStaffNotes(actor, input);
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockOne(m, actor, input.id);
      const { kase } = await this.access.requireOf(actor, c.caseId, 'edit', WHAT, m);
      if (c.version !== input.expectedVersion) {
        throw new DomainError(DomainErrorCode.STALE_VERSION, 'Someone else changed this provider while you were editing. Look at their version and choose which to keep.', {
          currentVersion: c.version,
          // The saved values, so the form can show them beside the editor's; staff notes only to staff.
          current: Object.fromEntries([...TEXT_FIELDS, ...FLAG_FIELDS, ...(isStaffRole(actor.role) ? (['staffNotes'] as const) : [])].map((k) => [k, c[k]])),
        });
      }
      const fields = this.apply(c, input);
      assertCandidateFields(c);
      if (!fields.length) return c;
      await m.save(c);
      await this.audit.record(actor, { action: 'provider_candidate.update', entityType: 'provider_candidate', entityId: c.id, caseId: c.caseId, detail: { fields } }, m);
      for (const e of splitStaffFields({ kind: CaseEventKind.PROVIDER_CHANGED, entityId: c.id, detail: { change: 'edited' } }, fields)) await this.events.publish(m, actor, kase, e);
      return this.reload(m, actor, c.id);
    });
  }

  async remove(actor: Actor, id: string): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockOne(m, actor, id);
      const { kase } = await this.access.requireOf(actor, c.caseId, 'edit', WHAT, m);
      await m.delete(ProviderCandidate, { id: c.id });
      await this.audit.record(actor, { action: 'provider_candidate.delete', entityType: 'provider_candidate', entityId: c.id, caseId: c.caseId, detail: { wasChosen: c.chosen } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.PROVIDER_CHANGED, entityId: c.id, removed: true, detail: { change: 'removed' } });
      return c.caseId;
    });
  }

  /** One candidate becomes the case's choice, with the reason; any earlier choice is released. */
  async choose(actor: Actor, input: ChooseProviderCandidateInput): Promise<ProviderCandidate> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockOne(m, actor, input.id);
      // Lock the case: two people choosing at once are serialised, and the unique index holds.
      const { kase } = await this.access.requireOf(actor, c.caseId, 'edit', WHAT, m, true);
      const reason = assertChoiceReason(input.reason);
      await m
        .createQueryBuilder()
        .update(ProviderCandidate)
        .set({ chosen: false, version: () => 'version + 1' })
        .where('case_id = :caseId AND chosen AND id <> :id', { caseId: c.caseId, id: c.id })
        .execute();
      Object.assign(c, { chosen: true, chosenReason: reason, chosenAt: this.clock.now(), chosenById: actor.userId });
      await m.save(c);
      await this.audit.record(actor, { action: 'provider_candidate.choose', entityType: 'provider_candidate', entityId: c.id, caseId: c.caseId }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.PROVIDER_CHANGED, entityId: c.id, detail: { change: 'chosen' } });
      return this.reload(m, actor, c.id);
    });
  }
}
