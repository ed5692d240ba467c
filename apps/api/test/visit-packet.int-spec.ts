import { InsuranceOutcome, PacketItemKind, PacketItemState } from '@second-look/domain';
import { InsuranceCall } from '@second-look/server-insurance';
import { PacketItem } from '@second-look/server-records';
import { CaseOpinion } from '@second-look/server-opinions';
import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { DEMO_APPOINTMENT_ID, seedDemoAppointment } from '../src/seed/demo-appointment';
import { flatText, readPdf } from '../../../libs/server/visit-packet/src/testing/read-pdf.testing';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/*
 * The visit packet over REST: who may download it (anyone who may read the case; everyone else
 * gets the same 404 as for a case that does not exist), that each download is audited, that it
 * is in the patient's language, and that no staff-only text reaches it whoever asks.
 */
const MARIA = DEMO.cases.maria;
const path = (caseId: string, appointment?: string): string => `/api/cases/${caseId}/visit-packet.pdf${appointment === undefined ? '' : `?appointment=${appointment}`}`;
const STAFF_TEXT = [
  'Staff only: the clinic wants the pathology slides two days before.',
  'Staff only: the pathology lab has been slow',
  'Staff only: slides go by courier',
  'Staff only: rep sounded unsure',
  'Staff only: the surgeon is known to be quick',
];

async function get(s: TestStack, who: GqlClient | null, p: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${s.url}${p}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
const audits = async (s: TestStack): Promise<{ actor_user_id: string; case_id: string; detail: Record<string, unknown> }[]> =>
  s.ds.query(`SELECT actor_user_id, case_id, detail FROM audit_event WHERE action = 'case.visit_packet_download' ORDER BY at, id`);

describe('the visit packet PDF', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack('visit_packet');
    await seedDemoAppointment(s.ds);
    await s.ds.transaction(async (m) => {
      const base = { organizationId: DEMO.orgs.harbor, caseId: MARIA };
      await m.save(m.create(PacketItem, { ...base, kind: PacketItemKind.PATHOLOGY_SLIDES, title: 'Core biopsy slides', state: PacketItemState.REQUESTED, staffNotes: STAFF_TEXT[2] }));
      await m.save(m.create(PacketItem, { ...base, kind: PacketItemKind.IMAGING_DISC, title: 'MRI disc', state: PacketItemState.SENT_TO_PROVIDER }));
      await m.save(
        m.create(InsuranceCall, {
          ...base,
          calledOn: '2026-11-24',
          representative: 'Dana',
          referenceNumber: 'REF-4471',
          covered: true,
          preAuthRequired: true,
          preAuthNumber: 'PA-99120',
          preAuthValidFrom: '2026-11-25',
          preAuthValidTo: '2027-02-25',
          referringDoctorMustRequest: false,
          outcome: InsuranceOutcome.NEEDS_PRE_AUTHORISATION,
          staffNotes: STAFF_TEXT[3],
          byUserId: DEMO.users.harborAdvocate,
        }),
      );
      await m.save(
        m.create(CaseOpinion, {
          ...base,
          number: 1,
          providerName: 'Dr. Alan Whitfield',
          givenOn: '2026-10-20',
          diagnosis: 'Invasive ductal carcinoma, left breast',
          recommendedPlan: 'Mastectomy within four weeks',
          reasoning: 'Tumor size',
          staffNotes: STAFF_TEXT[4],
          createdById: DEMO.users.harborAdvocate,
        }),
      );
    });
  });
  afterAll(() => s?.close());

  it('gives staff the packet of the booked visit, in one or two pages, with no staff-only text, and audits it', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const r = await get(s, advocate, path(MARIA, DEMO_APPOINTMENT_ID));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="visit-packet-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    const read = await readPdf(r.bytes);
    expect(read.numPages).toBeLessThanOrEqual(2);
    const text = flatText(read);
    for (const words of [
      'Maria Lopez',
      'Dr. Helen Park',
      'Lakeshore University Medical Center',
      'Lakeshore Health',
      'PA-99120',
      'Mastectomy within four weeks',
      'Pathology slides: Core biopsy slides',
      'Would breast-conserving surgery with radiation',
    ]) {
      expect(text).toContain(words);
    }
    // The candidate linked to the visit gives its specialty.
    expect(text).toMatch(/Specialty/);
    for (const secret of STAFF_TEXT) expect(text).not.toContain(secret);
    expect(await audits(s)).toEqual([{ actor_user_id: DEMO.users.harborAdvocate, case_id: MARIA, detail: { appointmentId: DEMO_APPOINTMENT_ID, language: 'en' } }]);
  });

  it('gives the patient and the caregiver their own packet, in the patient’s language', async () => {
    // A date of birth is recorded when a client is imported; the packet prints it when there is one.
    await s.ds.query(`UPDATE patient_case SET preferred_language = 'es', patient_date_of_birth = '1961-03-14' WHERE id = $1`, [MARIA]);
    try {
      for (const who of ['patient@harbor.example', 'caregiver@harbor.example']) {
        const r = await get(s, await s.signIn(who), path(MARIA));
        expect(r.status).toBe(200);
        const read = await readPdf(r.bytes);
        const text = flatText(read);
        expect(read.info['Language']).toBe('es-US');
        expect(text).toContain('Mi cita de segunda opinión');
        expect(text).toContain('¿Está de acuerdo con el diagnóstico?');
        expect(text).toContain('Autorización previa');
        expect(text).toMatch(/Fecha de nacimiento.{0,40}1961/);
        for (const secret of STAFF_TEXT) expect(text).not.toContain(secret);
      }
    } finally {
      await s.ds.query(`UPDATE patient_case SET preferred_language = 'en', patient_date_of_birth = NULL WHERE id = $1`, [MARIA]);
    }
    expect((await audits(s)).slice(1).map((a) => [a.actor_user_id, a.detail['language']])).toEqual([
      [DEMO.users.harborPatient, 'es'],
      [DEMO.users.harborCaregiver, 'es'],
    ]);
  });

  it('says plainly what a case still lacks instead of failing', async () => {
    const r = await get(s, await s.signIn('admin@harbor.example'), path(DEMO.cases.grace));
    expect(r.status).toBe(200);
    const text = flatText(await readPdf(r.bytes));
    expect(text).toContain('No appointment is booked yet.');
    expect(text).toContain('No insurance plan is on file yet.');
    expect(text).toContain('No questions written down yet.');
  });

  it('answers anyone outside the case exactly as for a case that does not exist, and audits nothing for them', async () => {
    const before = (await audits(s)).length;
    const david = await s.signIn('patient2@harbor.example');
    const northstar = await s.signIn('admin@northstar.example');
    const missing = await get(s, david, path(randomUUID()));
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString())).toEqual({ error: { code: 'NOT_FOUND', message: 'Case not found' } });
    for (const who of [david, northstar]) {
      for (const p of [path(MARIA), path(MARIA, DEMO_APPOINTMENT_ID)]) {
        const r = await get(s, who, p);
        expect(r.status).toBe(404);
        expect(r.bytes.equals(missing.bytes)).toBe(true);
      }
    }
    expect((await get(s, david, path('nope'))).bytes.equals(missing.bytes)).toBe(true);
    // Maria's visit asked for through David's case, a made-up visit, a malformed one: "Appointment not found".
    const davidStaff = await s.signIn('advocate@harbor.example');
    for (const appointment of [DEMO_APPOINTMENT_ID, randomUUID(), 'x']) {
      const p = appointment === DEMO_APPOINTMENT_ID ? path(DEMO.cases.david, appointment) : path(MARIA, appointment);
      const r = await get(s, davidStaff, p);
      expect(r.status).toBe(404);
      expect(JSON.parse(r.bytes.toString())).toEqual({ error: { code: 'NOT_FOUND', message: 'Appointment not found' } });
    }
    const signedOut = await get(s, null, path(MARIA));
    expect(signedOut.status).toBe(401);
    expect((await audits(s)).length).toBe(before);
  });
});
