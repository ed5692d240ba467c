import type { Bundle, DocumentReference, OperationOutcome, Task } from '@medplum/fhirtypes';
import { OBJECT_STORAGE, ObjectStorage } from '@second-look/server-records';
import { DEMO } from '../src/seed/demo-seed';
import { ExportCase, fillExportCase, SECRET } from './support/export-case';
import { danglingReferences, fhirProblems } from './support/fhir-validation';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

async function get(s: TestStack, who: GqlClient | null, path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(`${s.url}${path}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const byType = (b: Bundle, type: string) => (b.entry ?? []).map((e) => e.resource!).filter((r) => r.resourceType === type);

describe('FHIR R4 export of a case', () => {
  let s: TestStack;
  let data: ExportCase;
  const path = (id: string, q = '') => `/api/cases/${id}/fhir${q}`;

  beforeAll(async () => {
    s = await startTestStack('exports_fhir');
    data = await fillExportCase(s.ds, s.app.get<ObjectStorage>(OBJECT_STORAGE), { organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.maria, advocateId: DEMO.users.harborAdvocate });
  });
  afterAll(() => s?.close());

  it('gives staff a valid collection Bundle mapping the whole case, with staff notes, and audits it', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const r = await get(s, advocate, path(DEMO.cases.maria));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="second-look-case-0c000000\.fhir\.json"$/);
    const bundle = JSON.parse(r.text) as Bundle;
    expect(bundle.type).toBe('collection');
    expect(fhirProblems(bundle)).toEqual([]);
    expect(danglingReferences(bundle)).toEqual([]);
    expect(bundle.entry!.every((e) => /^urn:uuid:[0-9a-f-]{36}$/.test(e.fullUrl!))).toBe(true);
    expect(new Set(bundle.entry!.map((e) => e.fullUrl)).size).toBe(bundle.entry!.length);
    const counts = Object.fromEntries(
      [
        'Patient',
        'RelatedPerson',
        'Condition',
        'CarePlan',
        'Task',
        'DocumentReference',
        'Appointment',
        'Coverage',
        'CoverageEligibilityRequest',
        'CoverageEligibilityResponse',
        'QuestionnaireResponse',
        'ClinicalImpression',
        'Provenance',
      ].map((t) => [t, byType(bundle, t).length]),
    );
    expect(counts).toEqual({
      Patient: 1,
      RelatedPerson: 1,
      Condition: 1,
      CarePlan: 1,
      Task: 2,
      DocumentReference: 2,
      Appointment: 2,
      Coverage: 1,
      CoverageEligibilityRequest: 1,
      CoverageEligibilityResponse: 1,
      QuestionnaireResponse: 1,
      ClinicalImpression: 2,
      Provenance: 1,
    });
    const tasks = byType(bundle, 'Task') as Task[];
    expect(tasks.map((t) => t.status).sort()).toEqual(['completed', 'in-progress']);
    expect(tasks[0].restriction?.period?.end).toBe('2026-11-19');
    expect(tasks[0].input?.find((i) => i.type.text === 'Plan target')?.valueDate).toBe('2026-11-03');
    expect(tasks[0].note?.[0].text).toContain('They said next week.');
    expect(byType(bundle, 'Appointment').map((a) => (a as { status: string }).status)).toEqual(['cancelled', expect.stringMatching(/booked|fulfilled/)]);
    const doc = byType(bundle, 'DocumentReference')[0] as DocumentReference;
    expect(doc.content[0].attachment.url).toBe(`http://second-look.test/api/documents/${data.documentIds[0]}`);
    expect(doc.content[0].attachment.data).toBeUndefined();
    expect(r.text).toContain(SECRET.staffNote);
    const provenance = byType(bundle, 'Provenance')[0] as { target: unknown[]; agent: { who: { display?: string } }[] };
    expect(provenance.target).toHaveLength(bundle.entry!.length - 1);
    expect(provenance.agent[0].who.display).toBe('Sam Rivera');
    const audit = await s.ds.query(`SELECT actor_user_id, case_id, detail FROM audit_event WHERE action = 'export.fhir' ORDER BY id`);
    expect(audit).toEqual([{ actor_user_id: DEMO.users.harborAdvocate, case_id: DEMO.cases.maria, detail: { kind: 'fhir-r4', attachments: 'link', resources: bundle.entry!.length } }]);
  });

  it('gives the patient their own case without anything staff-only, and files inline when asked', async () => {
    const patient = await s.signIn('patient@harbor.example');
    const r = await get(s, patient, path(DEMO.cases.maria, '?attachments=inline'));
    expect(r.status).toBe(200);
    const bundle = JSON.parse(r.text) as Bundle;
    expect(fhirProblems(bundle)).toEqual([]);
    expect(danglingReferences(bundle)).toEqual([]);
    expect(r.text).not.toContain('STAFF-ONLY');
    const doc = byType(bundle, 'DocumentReference')[0] as DocumentReference;
    expect(Buffer.from(doc.content[0].attachment.data!, 'base64')).toEqual(data.fileBytes);
    const provenance = byType(bundle, 'Provenance')[0] as { agent: { who: { reference?: string } }[] };
    expect(provenance.agent[0].who.reference).toBe(bundle.entry!.find((e) => e.resource!.resourceType === 'Patient')!.fullUrl);
    const audit = await s.ds.query(`SELECT detail->>'attachments' AS a FROM audit_event WHERE action = 'export.fhir' AND actor_user_id = $1`, [DEMO.users.harborPatient]);
    expect(audit).toEqual([{ a: 'inline' }]);
  });

  it('has validators that refuse a wrong structure and a wrong code (so the passes above mean something)', () => {
    const broken = (resource: object): Bundle => ({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: resource as Task }] });
    expect(fhirProblems(broken({ resourceType: 'Task', status: 'requested' })).join()).toMatch(/intent/);
    expect(fhirProblems(broken({ resourceType: 'Task', status: 'started', intent: 'order' })).join()).toMatch(/status|allowed values/);
    expect(fhirProblems(broken({ resourceType: 'Patient', colour: 'blue' })).join()).toMatch(/colour/);
    expect(danglingReferences(broken({ resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: 'urn:uuid:nowhere' } }))).toEqual(['urn:uuid:nowhere']);
  });

  it.each([
    ['another organization', 'admin@northstar.example', DEMO.cases.maria],
    ['another patient', 'patient2@harbor.example', DEMO.cases.maria],
    ['a case id that does not exist', 'advocate@harbor.example', '0c000000-0000-4000-8000-0000000000ff'],
    ['an id that is not an id', 'advocate@harbor.example', 'nope'],
  ])('answers 404 with an OperationOutcome for %s', async (_what, email, caseId) => {
    const r = await get(s, await s.signIn(email), path(caseId));
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    const outcome = JSON.parse(r.text) as OperationOutcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    expect(fhirProblems({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000000', resource: outcome }] })).toEqual([]);
  });

  it('answers 401 without a session and 400 for an unknown attachments mode, as OperationOutcomes', async () => {
    const anon = await get(s, null, path(DEMO.cases.maria));
    expect(anon.status).toBe(401);
    expect((JSON.parse(anon.text) as OperationOutcome).issue[0].code).toBe('login');
    const bad = await get(s, await s.signIn('advocate@harbor.example'), path(DEMO.cases.maria, '?attachments=zip'));
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.text) as OperationOutcome).issue[0].code).toBe('invalid');
  });

  it('exports an empty case (no appointment, no insurance, no records) as a valid bundle', async () => {
    const r = await get(s, await s.signIn('advocate@harbor.example'), path(DEMO.cases.david));
    expect(r.status).toBe(200);
    const bundle = JSON.parse(r.text) as Bundle;
    expect(fhirProblems(bundle)).toEqual([]);
    expect(byType(bundle, 'Appointment')).toEqual([]);
    expect(byType(bundle, 'Coverage')).toEqual([]);
  });
});
