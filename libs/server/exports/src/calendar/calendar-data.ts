import { Appointment } from '@second-look/server-appointments';
import { PatientCase } from '@second-look/server-cases';
import { InsuranceCall } from '@second-look/server-insurance';
import { RecordHolder, RecordRequest } from '@second-look/server-records';
import { TimelineAdjustment } from '@second-look/server-timeline';
import { EntityManager, In } from 'typeorm';
import { CaseCalendarData } from './calendar-entries';

/**
 * Reads what the calendar needs of cases already read through the caller's scope, in a few
 * queries for any number of cases. Only shared columns: staff notes are never selected.
 */
export async function loadCalendarData(m: EntityManager, cases: PatientCase[], staff: boolean): Promise<CaseCalendarData[]> {
  const ids = cases.map((c) => c.id);
  if (ids.length === 0) return [];
  const [appointments, requests, calls, adjustments] = await Promise.all([
    m.find(Appointment, { where: { caseId: In(ids) }, order: { startsAt: 'ASC' } }),
    staff
      ? m
          .createQueryBuilder(RecordRequest, 'r')
          .innerJoin(RecordHolder, 'h', 'h.id = r.holder_id')
          .select([
            'r.id AS id',
            'r.case_id AS "caseId"',
            'h.name AS "holderName"',
            'r.plan_target_on::text AS "planTargetOn"',
            'r.legal_due_on::text AS "legalDueOn"',
            'r.completed_on::text AS "completedOn"',
            'r.version AS version',
            'r.updated_at AS "updatedAt"',
          ])
          .where('r.case_id IN (:...ids)', { ids })
          .getRawMany<CaseCalendarData['requests'][number] & { caseId: string }>()
      : [],
    staff ? m.find(InsuranceCall, { where: { caseId: In(ids) } }) : [],
    staff ? m.find(TimelineAdjustment, { where: { caseId: In(ids) }, order: { createdAt: 'ASC' } }) : [],
  ]);
  return cases.map((kase) => ({
    kase,
    appointments: appointments.filter((a) => a.caseId === kase.id),
    requests: requests.filter((r) => r.caseId === kase.id),
    insuranceCalls: calls.filter((c) => c.caseId === kase.id),
    adjustments: adjustments.filter((a) => a.caseId === kase.id),
  }));
}
