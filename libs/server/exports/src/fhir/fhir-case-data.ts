import { Role } from '@second-look/domain';
import { Appointment, AppointmentAnswer, CaseQuestion } from '@second-look/server-appointments';
import { CaseParticipant, PatientCase } from '@second-look/server-cases';
import { Organization, UserAccount } from '@second-look/server-identity';
import { InsuranceCall, InsurancePlan } from '@second-look/server-insurance';
import { CaseDecision, CaseOpinion } from '@second-look/server-opinions';
import { ProviderCandidate } from '@second-look/server-providers';
import { CaseDocument, PacketItem, RecordFollowUp, RecordHolder, RecordRequest, RecordRequestItem } from '@second-look/server-records';
import { TimelineAdjustment } from '@second-look/server-timeline';
import { EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Everything a case export maps, read through the caller's scope (the case was loaded through it). */
export interface FhirCaseData {
  organization: Organization;
  kase: PatientCase;
  leadAdvocate: UserAccount | null;
  caregivers: { participant: CaseParticipant; user: UserAccount }[];
  candidates: ProviderCandidate[];
  holders: RecordHolder[];
  packetItems: PacketItem[];
  documents: CaseDocument[];
  requests: RecordRequest[];
  requestItems: RecordRequestItem[];
  followUps: RecordFollowUp[];
  appointments: Appointment[];
  questions: CaseQuestion[];
  answers: AppointmentAnswer[];
  insurancePlan: InsurancePlan | null;
  insuranceCalls: InsuranceCall[];
  opinions: CaseOpinion[];
  decision: CaseDecision | null;
  adjustments: TimelineAdjustment[];
  /** Whether staff-only fields were read (staff) or left in the database (patients, caregivers). */
  internal: boolean;
}

/**
 * Reads the case's rows in a handful of queries. Staff-only columns are declared
 * `select: false` on the entities; they are added here only when the caller has staff access.
 */
export async function loadFhirCaseData(m: EntityManager, kase: PatientCase, internal: boolean): Promise<FhirCaseData> {
  const caseId = kase.id;
  const withStaff = <T extends ObjectLiteral>(alias: string, entity: new () => T): SelectQueryBuilder<T> => {
    const q = m.getRepository<T>(entity).createQueryBuilder(alias).where(`${alias}.case_id = :caseId`, { caseId });
    if (internal) q.addSelect(`${alias}.staffNotes`);
    return q;
  };
  const [organization, leadAdvocate, participants, candidates, packetItems, documents, requests, appointments, questions, answers, insurancePlan, insuranceCalls, opinions, decision, adjustments] =
    await Promise.all([
      m.findOneByOrFail(Organization, { id: kase.organizationId }),
      kase.leadAdvocateId ? m.findOneBy(UserAccount, { id: kase.leadAdvocateId }) : Promise.resolve(null),
      m.find(CaseParticipant, { where: { caseId }, relations: { user: true }, order: { createdAt: 'ASC' } }),
      withStaff('pc', ProviderCandidate).orderBy('pc.created_at', 'ASC').getMany(),
      withStaff('pi', PacketItem).orderBy('pi.created_at', 'ASC').getMany(),
      m.find(CaseDocument, { where: { caseId }, order: { createdAt: 'ASC' } }),
      m.find(RecordRequest, { where: { caseId }, order: { sentOn: 'ASC', createdAt: 'ASC' } }),
      withStaff('ap', Appointment).orderBy('ap.starts_at', 'ASC').getMany(),
      m.find(CaseQuestion, { where: { caseId }, order: { position: 'ASC' } }),
      m.find(AppointmentAnswer, { where: { caseId } }),
      m.findOneBy(InsurancePlan, { caseId }),
      withStaff('ic', InsuranceCall).orderBy('ic.called_on', 'ASC').addOrderBy('ic.created_at', 'ASC').getMany(),
      withStaff('op', CaseOpinion).orderBy('op.number', 'ASC').getMany(),
      m.findOneBy(CaseDecision, { caseId }),
      m.find(TimelineAdjustment, { where: { caseId }, order: { createdAt: 'ASC' } }),
    ]);
  const requestIds = requests.map((r) => r.id);
  const holderIds = [...new Set([...requests.map((r) => r.holderId), ...packetItems.map((p) => p.holderId).filter((h): h is string => !!h)])];
  const [requestItems, followUps, holders] = await Promise.all([
    requestIds.length ? m.find(RecordRequestItem, { where: { requestId: In(requestIds) } }) : Promise.resolve([]),
    requestIds.length ? m.find(RecordFollowUp, { where: { requestId: In(requestIds) }, order: { at: 'ASC' } }) : Promise.resolve([]),
    holderIds.length ? m.find(RecordHolder, { where: { id: In(holderIds), organizationId: kase.organizationId } }) : Promise.resolve([]),
  ]);
  const caregivers = participants.filter((p) => p.role === Role.CAREGIVER && p.user).map((p) => ({ participant: p, user: p.user as UserAccount }));
  return {
    organization,
    kase,
    leadAdvocate,
    caregivers,
    candidates,
    holders,
    packetItems,
    documents,
    requests,
    requestItems,
    followUps,
    appointments,
    questions,
    answers,
    insurancePlan,
    insuranceCalls,
    opinions,
    decision,
    adjustments,
    internal,
  };
}
