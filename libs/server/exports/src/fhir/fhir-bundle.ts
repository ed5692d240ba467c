import type { Bundle, BundleEntry, Patient, Practitioner, Provenance, Reference, RelatedPerson, Resource } from '@medplum/fhirtypes';
import { Actor, CalendarDate, isStaffRole, Role } from '@second-look/domain';
import { UserAccount } from '@second-look/server-identity';
import { FhirCaseData } from './fhir-case-data';
import { instant, ref, resourceUuid, urn } from './fhir-ids';
import { mapAppointments, mapDocuments, mapInsurance, mapOpinions, mapQuestions, mapTasks } from './fhir-journey';
import { mapCarePlan, mapPeople } from './fhir-people';

export interface FhirExportContext {
  exporter: Actor;
  exporterUser: UserAccount;
  appUrl: string;
  zone: string;
  today: CalendarDate;
  now: Date;
  /** Document bytes (base64) by document id, when asked for inline; null: links. */
  inline: Map<string, string> | null;
}

/**
 * The case as a FHIR R4 `collection` Bundle: a set of resources with `urn:uuid:` full URLs that
 * reference each other, closed by a Provenance saying who exported it and when. A collection,
 * not a `document`: there is no single attested composition to sign, and a receiving system
 * reads the resources one by one (docs/exports.md).
 */
export async function buildCaseBundle(d: FhirCaseData, ctx: FhirExportContext, pause: () => Promise<void> = async () => undefined): Promise<Bundle> {
  const people = mapPeople(d, ctx.appUrl);
  const opinions = mapOpinions(d, people);
  const carePlan = mapCarePlan(d, people, ctx.zone, ctx.today);
  const chosen = d.decision?.chosenOpinionId ? opinions.find((o) => o.id === resourceUuid('opinion', d.decision!.chosenOpinionId!)) : undefined;
  if (chosen) carePlan.supportingInfo = [ref(chosen)];
  const resources: Resource[] = [...people.all, carePlan];
  // The long lists (requests, documents) are mapped a slice at a time, yielding in between.
  const maps: ((part: FhirCaseData) => Resource[])[] = [
    (part) => mapTasks(part, people),
    (part) => mapDocuments(part, people, ctx.appUrl, ctx.inline),
    (part) => mapAppointments(part, people, ctx.now),
    (part) => mapInsurance(part, people),
    (part) => mapQuestions(part, people),
  ];
  for (const map of maps) {
    for (const part of slices(d)) {
      resources.push(...map(part));
      await pause();
    }
  }
  resources.push(...opinions);
  // Who exported: a staff member as a Practitioner, the patient as the Patient, a caregiver as their RelatedPerson.
  let who: Reference<Patient | RelatedPerson | Practitioner>;
  if (ctx.exporter.role === Role.PATIENT) who = ref(people.patient);
  else if (ctx.exporter.role === Role.CAREGIVER && people.caregivers.has(ctx.exporter.userId)) who = ref(people.caregivers.get(ctx.exporter.userId)!);
  else if (isStaffRole(ctx.exporter.role)) {
    let staff = resources.find((r) => r.resourceType === 'Practitioner' && r.id === resourceUuid('staff', ctx.exporter.userId)) as Practitioner | undefined;
    if (!staff) {
      staff = { resourceType: 'Practitioner', id: resourceUuid('staff', ctx.exporter.userId), name: [{ text: ctx.exporterUser.displayName }] };
      resources.push(staff);
    }
    who = ref(staff, ctx.exporterUser.displayName);
  } else who = { display: ctx.exporterUser.displayName };
  const provenance: Provenance = {
    resourceType: 'Provenance',
    id: resourceUuid('provenance', `${d.kase.id}:${ctx.now.toISOString()}`),
    target: resources.map((r) => ({ reference: urn(r.id as string) })),
    recorded: instant(ctx.now),
    activity: { text: 'Exported from Second Look' },
    agent: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] }, who, onBehalfOf: ref(people.organization) }],
  };
  resources.push(provenance);
  const entry: BundleEntry[] = resources.map((resource) => ({ fullUrl: urn(resource.id as string), resource }));
  return {
    resourceType: 'Bundle',
    id: resourceUuid('bundle', `${d.kase.id}:${ctx.now.toISOString()}`),
    meta: { lastUpdated: instant(ctx.now) },
    identifier: { system: `${ctx.appUrl}/cases`, value: d.kase.id },
    type: 'collection',
    timestamp: instant(ctx.now),
    entry,
  };
}

/** The case data cut into slices of at most SLICE requests and documents (other lists whole, in the first). */
const SLICE = 25;
function* slices(d: FhirCaseData): Generator<FhirCaseData> {
  const n = Math.max(1, Math.ceil(Math.max(d.requests.length, d.documents.length) / SLICE));
  for (let i = 0; i < n; i++) {
    const first = i === 0;
    yield {
      ...d,
      requests: d.requests.slice(i * SLICE, (i + 1) * SLICE),
      documents: d.documents.slice(i * SLICE, (i + 1) * SLICE),
      appointments: first ? d.appointments : [],
      insurancePlan: first ? d.insurancePlan : null,
      insuranceCalls: first ? d.insuranceCalls : [],
      questions: first ? d.questions : [],
    };
  }
}

/**
 * The bundle as JSON text in pieces, one entry at a time, so a large export (inline files) is
 * written without one long block of the event loop; the caller yields between pieces.
 */
export function* bundleJsonChunks(bundle: Bundle): Generator<string> {
  const { entry = [], ...head } = bundle;
  const open = JSON.stringify({ ...head, entry: [] });
  yield open.slice(0, -2);
  for (let i = 0; i < entry.length; i++) yield (i ? ',' : '') + JSON.stringify(entry[i]);
  yield ']}';
}
