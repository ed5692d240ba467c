import type {
  Appointment as FhirAppointment,
  ClinicalImpression,
  Coverage,
  CoverageEligibilityRequest,
  CoverageEligibilityResponse,
  DocumentReference,
  Organization as FhirOrganization,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Task,
} from '@medplum/fhirtypes';
import { StarterQuestion } from '@second-look/domain';
import { FhirCaseData } from './fhir-case-data';
import { instant, ref, resourceUuid, urn, words } from './fhir-ids';
import { FhirPeople } from './fhir-people';

/** A visit lasts an hour in the export, as in the calendar: the product records its start only. */
const VISIT_MS = 60 * 60 * 1000;

const STARTER_TEXT: Record<StarterQuestion, string> = {
  [StarterQuestion.AGREE_WITH_DIAGNOSIS]: 'Do you agree with the diagnosis? If not, what makes you see it differently?',
  [StarterQuestion.OTHER_EXPLANATIONS]: 'What else could be causing this?',
  [StarterQuestion.MORE_TESTS]: 'Would any further tests help make it clearer?',
  [StarterQuestion.ALL_OPTIONS]: 'What are all my options, including newer or less invasive ones?',
  [StarterQuestion.RECOMMENDATION_WHY]: 'What do you recommend, and why?',
  [StarterQuestion.OUTCOMES_AND_RISKS]: 'How well does each option usually work, what are the risks, and what happens in the long run?',
  [StarterQuestion.IN_MY_PLACE]: 'What would you do if you were in my place?',
};

const staffNote = (d: FhirCaseData, text: string | undefined): string[] => (d.internal && text ? [`Staff note: ${text}`] : []);

/** One Task per record request: both clocks, the holder as owner, each follow-up as a note. */
export function mapTasks(d: FhirCaseData, p: FhirPeople): Task[] {
  return d.requests.map((r) => {
    const holder = p.holders.get(r.holderId);
    const items = d.requestItems
      .filter((i) => i.requestId === r.id)
      .map((i) => d.packetItems.find((x) => x.id === i.packetItemId))
      .filter((x) => !!x);
    return {
      resourceType: 'Task',
      id: resourceUuid('record-request', r.id),
      status: r.completedOn ? 'completed' : 'in-progress',
      businessStatus: { text: r.completedOn ? 'records received' : r.extensionReason ? 'holder extended the legal date' : 'waiting for records' },
      intent: 'order',
      code: { text: 'Medical records request (HIPAA right of access)' },
      description: `Records requested by ${words(r.method)}: ${items.map((i) => words(i.kind) + (i.title ? ` (${i.title})` : '')).join('; ') || 'records'}`,
      for: ref(p.patient),
      requester: ref(p.organization),
      ...(holder ? { owner: ref(holder, holder.name) } : {}),
      authoredOn: r.sentOn,
      lastModified: instant(r.updatedAt),
      executionPeriod: { start: r.sentOn, ...(r.completedOn ? { end: r.completedOn } : {}) },
      // The legal due date (30 days, once extended up to 60) bounds when the holder must answer.
      restriction: { period: { end: r.legalDueOn } },
      input: [
        { type: { text: 'Plan target' }, valueDate: r.planTargetOn },
        { type: { text: 'Legal due date' }, valueDate: r.legalDueOn },
        ...(r.holderReceivedOn ? [{ type: { text: 'Holder received the request on' }, valueDate: r.holderReceivedOn }] : []),
        ...(r.extensionReason ? [{ type: { text: 'Extension reason' }, valueString: r.extensionReason }] : []),
      ],
      ...(d.followUps.some((f) => f.requestId === r.id)
        ? { note: d.followUps.filter((f) => f.requestId === r.id).map((f) => ({ time: instant(f.at), text: `Follow-up by ${words(f.channel)}: ${f.outcome}` })) }
        : {}),
    };
  });
}

/** Each document's metadata; the bytes inline (`inline` holds them, base64) or as a link into the app. */
export function mapDocuments(d: FhirCaseData, p: FhirPeople, appUrl: string, inline: Map<string, string> | null): DocumentReference[] {
  return d.documents.map((doc) => {
    const item = d.packetItems.find((i) => i.id === doc.packetItemId);
    const holder = item?.holderId ? p.holders.get(item.holderId) : undefined;
    const data = inline?.get(doc.id);
    return {
      resourceType: 'DocumentReference',
      id: resourceUuid('document', doc.id),
      identifier: [{ system: `${appUrl}/api/documents`, value: doc.id }],
      status: 'current',
      type: { text: item ? words(item.kind) : 'document' },
      subject: ref(p.patient),
      date: instant(doc.createdAt),
      ...(holder ? { custodian: ref<FhirOrganization>(holder, holder.name) } : {}),
      ...(item?.title ? { description: item.title } : {}),
      content: [
        {
          attachment: {
            contentType: doc.contentType,
            title: doc.fileName,
            size: Number(doc.sizeBytes),
            creation: instant(doc.createdAt),
            ...(data !== undefined ? { data } : { url: `${appUrl}/api/documents/${doc.id}` }),
          },
        },
      ],
    };
  });
}

export function mapAppointments(d: FhirCaseData, p: FhirPeople, now: Date): FhirAppointment[] {
  return d.appointments.map((a) => {
    const candidate = a.candidateId ? p.candidates.get(a.candidateId) : undefined;
    const comment = [a.place ? `Where: ${a.place}` : '', a.videoLink ? `Video link: ${a.videoLink}` : '', ...staffNote(d, a.staffNotes)].filter(Boolean).join('\n');
    return {
      resourceType: 'Appointment',
      id: resourceUuid('appointment', a.id),
      status: a.cancelledAt ? 'cancelled' : a.startsAt < now ? 'fulfilled' : 'booked',
      ...(a.cancelledAt ? { cancelationReason: { text: 'Canceled' } } : {}),
      serviceType: [{ text: `Second opinion (${words(a.mode)})` }],
      description: `Second-opinion appointment with ${a.providerName}`,
      start: instant(a.startsAt),
      end: instant(new Date(a.startsAt.getTime() + VISIT_MS)),
      created: instant(a.createdAt),
      ...(comment ? { comment } : {}),
      ...(a.bringNotes ? { patientInstruction: a.bringNotes } : {}),
      reasonReference: [ref(p.condition)],
      participant: [
        { actor: ref(p.patient), status: 'accepted' },
        { actor: candidate ? ref(candidate.practitioner, a.providerName) : { display: a.providerName }, status: 'accepted' },
      ],
    };
  });
}

/** The plan, and each call to it as an eligibility request and its answer. */
export function mapInsurance(d: FhirCaseData, p: FhirPeople): (Coverage | FhirOrganization | CoverageEligibilityRequest | CoverageEligibilityResponse)[] {
  const plan = d.insurancePlan;
  if (!plan) return [];
  const payer: FhirOrganization = {
    resourceType: 'Organization',
    id: resourceUuid('payer', plan.id),
    name: plan.payer,
    type: [{ text: 'Health plan' }],
    ...(plan.phone ? { telecom: [{ system: 'phone', value: plan.phone }] } : {}),
  };
  const coverage: Coverage = {
    resourceType: 'Coverage',
    id: resourceUuid('coverage', plan.id),
    status: 'active',
    type: { text: words(plan.planType) },
    beneficiary: ref(p.patient),
    ...(plan.memberId ? { subscriberId: plan.memberId } : {}),
    payor: [ref(payer, plan.payer)],
    ...(plan.groupNumber ? { class: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'group' }] }, value: plan.groupNumber }] } : {}),
  };
  const out: (Coverage | FhirOrganization | CoverageEligibilityRequest | CoverageEligibilityResponse)[] = [payer, coverage];
  for (const c of d.insuranceCalls) {
    const request: CoverageEligibilityRequest = {
      resourceType: 'CoverageEligibilityRequest',
      id: resourceUuid('insurance-call-request', c.id),
      status: 'active',
      purpose: ['validation', 'benefits'],
      patient: ref(p.patient),
      created: c.calledOn,
      insurer: ref(payer, plan.payer),
      insurance: [{ coverage: ref(coverage) }],
    };
    const said = [
      `Outcome: ${words(c.outcome)}.`,
      c.representative ? `Plan representative: ${c.representative}.` : '',
      c.networkRestrictions ? `Network limits: ${c.networkRestrictions}.` : '',
      c.preAuthRequired !== null ? `Prior authorization required: ${c.preAuthRequired ? 'yes' : 'no'}.` : '',
      c.preAuthValidFrom || c.preAuthValidTo ? `Prior authorization valid ${c.preAuthValidFrom ?? '?'} to ${c.preAuthValidTo ?? '?'}.` : '',
      c.referringDoctorMustRequest !== null ? `Current doctor must request it: ${c.referringDoctorMustRequest ? 'yes' : 'no'}.` : '',
      c.costShare ? `Cost share: ${c.costShare}.` : '',
      c.notes,
      ...staffNote(d, c.staffNotes),
    ].filter(Boolean);
    out.push(request, {
      resourceType: 'CoverageEligibilityResponse',
      id: resourceUuid('insurance-call', c.id),
      ...(c.referenceNumber ? { identifier: [{ type: { text: 'Call reference number' }, value: c.referenceNumber }] } : {}),
      status: 'active',
      purpose: ['validation', 'benefits'],
      patient: ref(p.patient),
      created: c.calledOn,
      request: ref(request),
      outcome: 'complete',
      disposition: said.join(' '),
      insurer: ref(payer, plan.payer),
      ...(c.preAuthNumber ? { preAuthRef: c.preAuthNumber } : {}),
      insurance: [
        {
          coverage: ref(coverage),
          ...(c.covered !== null ? { inforce: c.covered } : {}),
          ...(c.preAuthRequired !== null ? { item: [{ category: { text: 'Second opinion' }, authorizationRequired: c.preAuthRequired }] } : {}),
        },
      ],
    });
  }
  return out;
}

/** The patient's questions in their order; one response per visit with what was answered there. */
export function mapQuestions(d: FhirCaseData, p: FhirPeople): QuestionnaireResponse[] {
  const [firstQuestion] = d.questions;
  if (!firstQuestion) return [];
  const items = (appointmentId: string | null): QuestionnaireResponseItem[] =>
    d.questions.map((q) => {
      const a = appointmentId ? d.answers.find((x) => x.appointmentId === appointmentId && x.questionId === q.id) : undefined;
      return { linkId: q.id, text: q.text || (q.starter ? STARTER_TEXT[q.starter] : ''), ...(a ? { answer: [{ valueString: a.answer }] } : {}) };
    });
  const base = (key: string, appointmentId: string | null): QuestionnaireResponse => ({
    resourceType: 'QuestionnaireResponse',
    id: resourceUuid('questions', key),
    status: appointmentId && d.answers.some((x) => x.appointmentId === appointmentId) ? 'completed' : 'in-progress',
    subject: ref(p.patient),
    source: ref(p.patient),
    authored: instant(d.questions.reduce((m, q) => (q.updatedAt > m ? q.updatedAt : m), firstQuestion.updatedAt)),
    item: items(appointmentId),
  });
  const visits = d.appointments.filter((a) => !a.cancelledAt);
  return visits.length ? visits.map((a) => base(a.id, a.id)) : [base(d.kase.id, null)];
}

/** Each opinion as the doctor's clinical impression: their diagnosis, plan and reasoning. */
export function mapOpinions(d: FhirCaseData, p: FhirPeople): ClinicalImpression[] {
  return d.opinions.map((o) => {
    const doctor = o.number === 1 ? p.currentDoctor : o.candidateId ? (p.candidates.get(o.candidateId)?.practitioner ?? null) : null;
    const source = o.sourceDocumentId ? d.documents.find((x) => x.id === o.sourceDocumentId) : undefined;
    const notes = [o.recommendedPlan ? `Recommended plan: ${o.recommendedPlan}` : '', o.reasoning ? `Reasoning: ${o.reasoning}` : '', ...staffNote(d, o.staffNotes)].filter(Boolean);
    return {
      resourceType: 'ClinicalImpression',
      id: resourceUuid('opinion', o.id),
      status: 'completed',
      description: `Opinion ${o.number} (${o.number === 1 ? 'current doctor' : 'second-opinion provider'}): ${o.providerName}; urgency ${words(o.urgency)}`,
      subject: ref(p.patient),
      date: o.givenOn,
      ...(doctor ? { assessor: ref(doctor, o.providerName) } : {}),
      problem: [ref(p.condition)],
      ...(o.diagnosis ? { summary: o.diagnosis } : {}),
      ...(source ? { supportingInfo: [{ reference: urn(resourceUuid('document', source.id)), display: source.fileName }] } : {}),
      ...(notes.length ? { note: notes.map((text) => ({ text })) } : {}),
    };
  });
}
