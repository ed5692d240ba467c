import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertOutcomeFits,
  CalendarDate,
  caseCoverageHints,
  CaseEventKind,
  CoverageHint,
  DomainError,
  DomainErrorCode,
  InsuranceAnswers,
  insuranceNextSteps,
  isStaffRole,
  OpinionComparisonOutcome,
  parseCalendarDate,
  todayInZone,
} from '@second-look/domain';
import { AppointmentReminderScheduler, Appointment } from '@second-look/server-appointments';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { Organization } from '@second-look/server-identity';
import { Clock, GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, In, MoreThan } from 'typeorm';
import { InsuranceCall } from './insurance-call.entity';
import { InsuranceCheckModel, LogInsuranceCallInput, SaveInsurancePlanInput } from './insurance.model';
import { InsurancePlan } from './insurance-plan.entity';

/** A refused field, with the reason code the client words in the reader's language (validation.reason in the web locales). */
const invalid = (field: string, message: string, reason: string) => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, reason });

/**
 * A comparison of the case's opinions, read by entity name: the opinions library owns the entity
 * and depends on this one (it reads the plan), so importing it here would make a cycle.
 */
interface ComparisonOutcome {
  organizationId: string;
  caseId: string;
  outcome: OpinionComparisonOutcome;
}

const answersOf = (c: Pick<InsuranceCall, keyof InsuranceAnswers>): InsuranceAnswers => ({
  covered: c.covered,
  networkRestrictions: c.networkRestrictions,
  preAuthRequired: c.preAuthRequired,
  preAuthNumber: c.preAuthNumber,
  preAuthValidFrom: c.preAuthValidFrom as CalendarDate | null,
  preAuthValidTo: c.preAuthValidTo as CalendarDate | null,
  referringDoctorMustRequest: c.referringDoctorMustRequest,
  costShare: c.costShare,
});

@Injectable()
export class InsuranceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
    private readonly appointmentReminders: AppointmentReminderScheduler,
  ) {}

  /** The check of many cases (already read through the case scope), batched per request. */
  loader(ctx: GqlContext, actor: Actor): DataLoader<PatientCase, InsuranceCheckModel, string> {
    return perRequest(
      ctx,
      'insurance-checks',
      () =>
        new DataLoader<PatientCase, InsuranceCheckModel, string>(
          async (cases) => {
            const ids = cases.map((c) => c.id);
            const m = this.dataSource.manager;
            const calls = m
              .getRepository(InsuranceCall)
              .createQueryBuilder('ic')
              .where('ic.case_id IN (:...ids) AND ic.organization_id = :org', { ids, org: actor.organizationId })
              .orderBy('ic.called_on', 'DESC')
              .addOrderBy('ic.created_at', 'DESC')
              .addOrderBy('ic.id', 'DESC');
            // Staff notes are selected for staff only: they never leave the database for anyone else.
            if (isStaffRole(actor.role)) calls.addSelect('ic.staffNotes');
            const [plans, rows, comparisons] = await Promise.all([
              m.findBy(InsurancePlan, { caseId: In(ids), organizationId: actor.organizationId }),
              calls.getMany(),
              m.getRepository<ComparisonOutcome>('OpinionComparison').find({ where: { caseId: In(ids), organizationId: actor.organizationId }, select: { caseId: true, outcome: true } }),
            ]);
            return cases.map((kase) => {
              const plan = plans.find((p) => p.caseId === kase.id) ?? null;
              const hints = caseCoverageHints({
                planType: plan?.planType ?? null,
                networkType: plan?.networkType ?? null,
                triggers: kase.triggers,
                comparisons: comparisons.filter((c) => c.caseId === kase.id).map((c) => c.outcome),
              });
              return this.check(
                plan,
                rows.filter((r) => r.caseId === kase.id),
                hints,
              );
            });
          },
          { cacheKeyFn: (c) => c.id },
        ),
    );
  }

  /** The case's coverage hints, computed once with its insurance check (the opinion advice shows them too). */
  async coverageHints(ctx: GqlContext, actor: Actor, kase: PatientCase): Promise<CoverageHint[]> {
    return (await this.loader(ctx, actor).load(kase)).coverageHints;
  }

  private check(plan: InsurancePlan | null, calls: InsuranceCall[], coverageHints: CoverageHint[]): InsuranceCheckModel {
    const latest = calls[0] ?? null;
    const preAuth = calls.find((c) => c.preAuthNumber) ?? null;
    return {
      plan,
      calls,
      outcome: latest?.outcome ?? null,
      nextSteps: latest ? insuranceNextSteps(latest.outcome, answersOf(latest)) : [],
      coverageHints,
      preAuthorisation: preAuth ? { number: preAuth.preAuthNumber, validFrom: preAuth.preAuthValidFrom, validTo: preAuth.preAuthValidTo, referenceNumber: preAuth.referenceNumber } : null,
    };
  }

  async savePlan(actor: Actor, input: SaveInsurancePlanInput): Promise<PatientCase> {
    const payer = input.payer.trim();
    if (!payer) throw invalid('payer', 'Say who the insurer is (the name on the card).', 'REQUIRED');
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.requireOf(actor, input.caseId, 'edit', 'Case', m, true);
      const existing = await m.findOneBy(InsurancePlan, { caseId: kase.id });
      const plan = existing ?? m.create(InsurancePlan, { organizationId: kase.organizationId, caseId: kase.id });
      Object.assign(plan, {
        payer,
        planType: input.planType,
        networkType: input.networkType === undefined ? (plan.networkType ?? null) : input.networkType,
        memberId: input.memberId?.trim() ?? plan.memberId ?? '',
        groupNumber: input.groupNumber?.trim() ?? plan.groupNumber ?? '',
        phone: input.phone?.trim() ?? plan.phone ?? '',
      });
      await m.save(plan);
      await this.audit.record(actor, { action: existing ? 'insurance_plan.update' : 'insurance_plan.create', entityType: 'insurance_plan', entityId: plan.id, caseId: kase.id }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.INSURANCE_CHANGED, entityId: plan.id, detail: { change: 'plan' } });
      return kase;
    });
  }

  /** Logs one call; the answers must fit the outcome, and the call cannot be dated in the future. */
  async logCall(actor: Actor, input: LogInsuranceCallInput): Promise<PatientCase> {
    if (input.staffNotes !== undefined && input.staffNotes !== null && !isStaffRole(actor.role)) {
      throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff can write staff notes.', { field: 'staffNotes' });
    }
    const calledOn = parseCalendarDate(input.calledOn, 'calledOn');
    const answers: InsuranceAnswers = {
      covered: input.covered ?? null,
      networkRestrictions: input.networkRestrictions?.trim() ?? '',
      preAuthRequired: input.preAuthRequired ?? null,
      preAuthNumber: input.preAuthNumber?.trim() ?? '',
      preAuthValidFrom: input.preAuthValidFrom ? parseCalendarDate(input.preAuthValidFrom, 'preAuthValidFrom') : null,
      preAuthValidTo: input.preAuthValidTo ? parseCalendarDate(input.preAuthValidTo, 'preAuthValidTo') : null,
      referringDoctorMustRequest: input.referringDoctorMustRequest ?? null,
      costShare: input.costShare?.trim() ?? '',
    };
    assertOutcomeFits(input.outcome, answers);
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.requireOf(actor, input.caseId, 'edit', 'Case', m, true);
      const org = await m.findOneByOrFail(Organization, { id: kase.organizationId });
      if (calledOn > todayInZone(this.clock.now(), org.timeZone)) throw invalid('calledOn', 'A call cannot be logged for a day that has not come yet.', 'DATE_IN_FUTURE');
      if (!(await m.existsBy(InsurancePlan, { caseId: kase.id }))) throw invalid('plan', 'Add the insurance plan first, so the call is logged against it.', 'PLAN_FIRST');
      const call = await m.save(
        m.create(InsuranceCall, {
          organizationId: kase.organizationId,
          caseId: kase.id,
          calledOn,
          representative: input.representative?.trim() ?? '',
          referenceNumber: input.referenceNumber?.trim() ?? '',
          ...answers,
          outcome: input.outcome,
          notes: input.notes?.trim() ?? '',
          staffNotes: input.staffNotes?.trim() ?? '',
          byUserId: actor.userId,
        }),
      );
      // A prior authorization on file is checked against every visit still to come (the worker
      // flags one that ends before the visit), in the call's transaction.
      if (call.preAuthNumber || call.preAuthValidTo) {
        const visits = await m.find(Appointment, { where: { caseId: kase.id, organizationId: kase.organizationId, startsAt: MoreThan(this.clock.now()) } });
        await this.appointmentReminders.checkPreAuthorisation(m, visits, call.id);
      }
      await this.audit.record(actor, { action: 'insurance_call.create', entityType: 'insurance_call', entityId: call.id, caseId: kase.id, detail: { outcome: input.outcome } }, m);
      // The call is shared; its staff notes are read per receiver, so patients never get them.
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.INSURANCE_CHANGED, entityId: call.id, detail: { change: 'call' } });
      return kase;
    });
  }
}
