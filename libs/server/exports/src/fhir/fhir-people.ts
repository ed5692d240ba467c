import type { CarePlan, CarePlanActivity, Condition, Organization as FhirOrganization, Patient, Practitioner, PractitionerRole, RelatedPerson } from '@medplum/fhirtypes';
import { CalendarDate, CasePhase, planCaseTimeline, todayInZone } from '@second-look/domain';
import { FhirCaseData } from './fhir-case-data';
import { instant, ref, resourceUuid, words } from './fhir-ids';

/** The people and places of the case, keyed so the journey's resources can point at them. */
export interface FhirPeople {
  patient: Patient;
  organization: FhirOrganization;
  caregivers: Map<string, RelatedPerson>;
  leadAdvocate: Practitioner | null;
  currentDoctor: Practitioner | null;
  candidates: Map<string, { practitioner: Practitioner; role: PractitionerRole; institution: FhirOrganization | null }>;
  holders: Map<string, FhirOrganization>;
  condition: Condition;
  /** Everything above, in bundle order. */
  all: (Patient | FhirOrganization | RelatedPerson | Practitioner | PractitionerRole | Condition)[];
}

const BCP47 = 'urn:ietf:bcp:47';

export function mapPeople(d: FhirCaseData, appUrl: string): FhirPeople {
  const k = d.kase;
  const organization: FhirOrganization = {
    resourceType: 'Organization',
    id: resourceUuid('organization', d.organization.id),
    name: d.organization.name,
    type: [{ text: 'Patient advocacy organization' }],
  };
  const patient: Patient = {
    resourceType: 'Patient',
    id: resourceUuid('patient', k.id),
    identifier: [{ system: `${appUrl}/cases`, value: k.id }],
    name: [{ text: k.patientName }],
    ...(k.patientEmail ? { telecom: [{ system: 'email', value: k.patientEmail }] } : {}),
    communication: [{ language: { coding: [{ system: BCP47, code: k.preferredLanguage }] }, preferred: true }],
    managingOrganization: ref(organization, d.organization.name),
  };
  const caregivers = new Map<string, RelatedPerson>();
  for (const c of d.caregivers) {
    caregivers.set(c.user.id, {
      resourceType: 'RelatedPerson',
      id: resourceUuid('related-person', c.participant.id),
      patient: ref(patient),
      relationship: [{ text: 'Caregiver' }],
      name: [{ text: c.user.displayName }],
      telecom: [{ system: 'email', value: c.user.email }],
    });
  }
  const leadAdvocate: Practitioner | null = d.leadAdvocate
    ? { resourceType: 'Practitioner', id: resourceUuid('staff', d.leadAdvocate.id), name: [{ text: d.leadAdvocate.displayName }], qualification: [{ code: { text: 'Patient advocate' } }] }
    : null;
  // The current doctor is known by the first opinion's provider name and the specialty on the case.
  const first = d.opinions.find((o) => o.number === 1);
  const specialty = [k.currentDoctorSpecialty, k.currentDoctorSubSpecialty].filter(Boolean).join(', ');
  const currentDoctor: Practitioner | null =
    first || specialty
      ? {
          resourceType: 'Practitioner',
          id: resourceUuid('current-doctor', k.id),
          name: [{ text: first?.providerName || 'Current doctor' }],
          ...(specialty ? { qualification: [{ code: { text: specialty } }] } : {}),
        }
      : null;
  const candidates = new Map<string, { practitioner: Practitioner; role: PractitionerRole; institution: FhirOrganization | null }>();
  for (const c of d.candidates) {
    const practitioner: Practitioner = { resourceType: 'Practitioner', id: resourceUuid('candidate', c.id), name: [{ text: c.name }] };
    const institution: FhirOrganization | null = c.institution ? { resourceType: 'Organization', id: resourceUuid('candidate-institution', c.id), name: c.institution } : null;
    const role: PractitionerRole = {
      resourceType: 'PractitionerRole',
      id: resourceUuid('candidate-role', c.id),
      // Active: the chosen second-opinion provider; the others were considered.
      active: c.chosen,
      practitioner: ref(practitioner, c.name),
      ...(institution ? { organization: ref(institution, c.institution) } : {}),
      specialty: [{ text: [c.specialty, c.subSpecialty].filter(Boolean).join(', ') }],
      code: [{ text: c.chosen ? 'Chosen second-opinion provider' : 'Candidate second-opinion provider' }],
    };
    candidates.set(c.id, { practitioner, role, institution });
  }
  const holders = new Map<string, FhirOrganization>();
  for (const h of d.holders) {
    const telecom = [
      h.phone ? { system: 'phone' as const, value: h.phone } : null,
      h.fax ? { system: 'fax' as const, value: h.fax } : null,
      h.email ? { system: 'email' as const, value: h.email } : null,
      h.portalUrl ? { system: 'url' as const, value: h.portalUrl } : null,
    ].filter((t) => t !== null);
    holders.set(h.id, {
      resourceType: 'Organization',
      id: resourceUuid('holder', h.id),
      name: h.department ? `${h.name} — ${h.department}` : h.name,
      type: [{ text: 'Record holder' }],
      ...(telecom.length ? { telecom } : {}),
      ...(h.address ? { address: [{ text: h.address }] } : {}),
    });
  }
  const condition: Condition = {
    resourceType: 'Condition',
    id: resourceUuid('condition', k.id),
    // The diagnosis in question is what the second opinion checks: provisional until decided.
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'provisional' }] },
    code: { text: k.diagnosisInDoubt },
    subject: ref(patient, k.patientName),
    recordedDate: instant(k.createdAt),
    ...(currentDoctor ? { asserter: ref(currentDoctor) } : {}),
  };
  const all = [
    patient,
    organization,
    ...caregivers.values(),
    ...(leadAdvocate ? [leadAdvocate] : []),
    ...(currentDoctor ? [currentDoctor] : []),
    ...[...candidates.values()].flatMap((c) => [c.practitioner, ...(c.institution ? [c.institution] : []), c.role]),
    ...holders.values(),
    condition,
  ];
  return { patient, organization, caregivers, leadAdvocate, currentDoctor, candidates, holders, condition, all };
}

const PHASE_TEXT: Record<CasePhase, string> = {
  [CasePhase.RECORDS]: 'Gather the records',
  [CasePhase.APPOINTMENT]: 'Second-opinion visit',
  [CasePhase.FOLLOW_UP]: 'Follow-up with the current doctor',
};

/** The journey as a plan: the question, why, the phase targets, and the decision once made. */
export function mapCarePlan(d: FhirCaseData, p: FhirPeople, zone: string, today: CalendarDate): CarePlan {
  const k = d.kase;
  const plan = planCaseTimeline(
    todayInZone(k.createdAt, zone),
    k.urgency,
    d.adjustments.map((a) => ({ phase: a.phase, targetOn: a.targetOn as CalendarDate, reason: a.reason })),
  );
  const chosen = d.candidates.find((c) => c.chosen);
  const activity: CarePlanActivity[] = plan.phases.map((ph) => ({
    detail: {
      kind: ph.phase === CasePhase.RECORDS ? 'Task' : 'Appointment',
      description: PHASE_TEXT[ph.phase],
      status: k.closedAt ? 'completed' : ph.startOn > today ? 'not-started' : 'in-progress',
      scheduledPeriod: { start: ph.startOn, end: ph.targetOn },
      ...(ph.phase === CasePhase.APPOINTMENT && chosen ? { performer: [ref(p.candidates.get(chosen.id)!.practitioner, chosen.name)] } : {}),
    },
    ...(ph.adjustment ? { progress: [{ text: `Target moved: ${ph.adjustment.reason}` }] } : {}),
  }));
  const notes = [
    k.triggers.length ? `Why a second opinion: ${k.triggers.map(words).join('; ')}.${k.triggerNotes ? ` ${k.triggerNotes}` : ''}` : '',
    k.summary ? `Summary: ${k.summary}` : '',
    d.decision ? `Decision: ${d.decision.decision}${d.decision.reasons ? ` Reasons: ${d.decision.reasons}` : ''}` : '',
    d.decision?.followUpOutcome ? `Follow-up with the current doctor: ${d.decision.followUpOutcome}` : '',
    d.decision?.careMoves && d.decision.newProviderName ? `Care moves to ${d.decision.newProviderName}.` : '',
    d.decision?.outcome ? `Outcome: ${words(d.decision.outcome)}.` : '',
  ].filter(Boolean);
  return {
    resourceType: 'CarePlan',
    id: resourceUuid('careplan', k.id),
    status: k.closedAt ? 'completed' : 'active',
    intent: 'plan',
    title: 'Second opinion',
    description: k.question,
    category: [{ text: `Stage: ${words(k.stage)}; urgency: ${words(k.urgency)}` }],
    subject: ref(p.patient, k.patientName),
    period: { start: plan.startOn, end: plan.targetEndOn },
    created: instant(k.createdAt),
    ...(p.leadAdvocate ? { author: ref(p.leadAdvocate, d.leadAdvocate?.displayName) } : {}),
    addresses: [ref(p.condition)],
    activity,
    ...(notes.length ? { note: notes.map((text) => ({ text })) } : {}),
  };
}
