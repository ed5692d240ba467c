import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CasePermissions, casePermissions, DomainError, DomainErrorCode, isStaffRole, notFound } from '@second-look/domain';
import { isUuid } from '@second-look/server-platform';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CaseParticipant } from '../participant/case-participant.entity';
import { PatientCase } from './patient-case.entity';

export type CasePermission = keyof CasePermissions;

/**
 * The read scope for cases, applied in SQL: the caller's organization and, for patients and
 * caregivers, only the cases they joined. Every case read in the product goes through here,
 * and a case outside the scope is "not found", never "forbidden".
 */
@Injectable()
export class CaseAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  scoped(actor: Actor, manager: EntityManager = this.dataSource.manager, alias = 'c'): SelectQueryBuilder<PatientCase> {
    const q = manager.getRepository(PatientCase).createQueryBuilder(alias).where(`${alias}.organization_id = :scopeOrg`, { scopeOrg: actor.organizationId });
    if (!isStaffRole(actor.role)) {
      q.andWhere(`EXISTS (SELECT 1 FROM case_participant sp WHERE sp.case_id = ${alias}.id AND sp.user_id = :scopeUser AND sp.role = :scopeRole)`, {
        scopeUser: actor.userId,
        scopeRole: actor.role,
      });
    }
    return q;
  }

  /** The case and what the caller may do with it; NOT_FOUND when outside the caller's scope. */
  async load(actor: Actor, caseId: string, manager?: EntityManager, lock = false): Promise<{ kase: PatientCase; can: CasePermissions }> {
    if (!isUuid(caseId)) throw notFound('Case');
    const q = this.scoped(actor, manager).andWhere('c.id = :caseId', { caseId });
    if (lock) q.setLock('pessimistic_write');
    const kase = await q.getOne();
    if (!kase) throw notFound('Case');
    const can = await this.permissionsFor(actor, kase, manager);
    if (!can.read) throw notFound('Case');
    return { kase, can };
  }

  /** Loads and checks one permission: FORBIDDEN when the caller can see the case but not do this. */
  async require(actor: Actor, caseId: string, permission: CasePermission, manager?: EntityManager, lock = false): Promise<{ kase: PatientCase; can: CasePermissions }> {
    const loaded = await this.load(actor, caseId, manager, lock);
    if (!loaded.can[permission]) throw new DomainError(DomainErrorCode.FORBIDDEN, 'You can see this case but not make this change.');
    return loaded;
  }

  /**
   * For rows that hang off a case (candidates, insurance calls...): the same check, but a case
   * outside the scope answers "<what> not found", exactly like an id that does not exist.
   */
  async requireOf(actor: Actor, caseId: string, permission: CasePermission, what: string, manager?: EntityManager, lock = false): Promise<{ kase: PatientCase; can: CasePermissions }> {
    try {
      return await this.require(actor, caseId, permission, manager, lock);
    } catch (e) {
      if (e instanceof DomainError && e.code === DomainErrorCode.NOT_FOUND) throw notFound(what);
      throw e;
    }
  }

  async permissionsFor(actor: Actor, kase: PatientCase, manager: EntityManager = this.dataSource.manager): Promise<CasePermissions> {
    const participants = isStaffRole(actor.role)
      ? []
      : await manager.getRepository(CaseParticipant).find({ where: { caseId: kase.id, userId: actor.userId }, select: { userId: true, role: true, access: true } });
    return casePermissions(actor, { organizationId: kase.organizationId, leadAdvocateId: kase.leadAdvocateId, participants });
  }
}
