import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const MARIA = DEMO.cases.maria;
const CANDIDATES = `query($id: ID!) { case(id: $id) { id currentDoctorSpecialty providerCandidates { id name specialty subSpecialty chosen chosenReason staffNotes version network expectedWaitDays } providerChoice { hint strengths { candidateId strengths } } } }`;
const CHECK = `query($id: ID!) { case(id: $id) { id insuranceCheck { plan { payer planType memberId } outcome nextSteps coverageHints preAuthorisation { number validFrom validTo } calls { id calledOn representative referenceNumber outcome preAuthNumber preAuthValidFrom preAuthValidTo staffNotes notes } } } }`;
const SCRIPT = `query($id: ID!) { case(id: $id) { id doctorScript { sourceKey purpose situation body } } }`;

type Candidate = {
  id: string;
  name: string;
  specialty: string;
  subSpecialty: string;
  chosen: boolean;
  chosenReason: string;
  staffNotes: string | null;
  version: number;
  network: string;
  expectedWaitDays: number | null;
};
type CaseCandidates = { case: { currentDoctorSpecialty: string; providerCandidates: Candidate[]; providerChoice: { hint: string | null; strengths: { candidateId: string; strengths: string[] }[] } } };
type Check = {
  case: {
    insuranceCheck: {
      plan: { payer: string; planType: string; memberId: string } | null;
      outcome: string | null;
      nextSteps: string[];
      coverageHints: string[];
      preAuthorisation: { number: string; validFrom: string | null; validTo: string | null } | null;
      calls: {
        id: string;
        outcome: string;
        preAuthNumber: string;
        preAuthValidFrom: string | null;
        preAuthValidTo: string | null;
        staffNotes: string | null;
        notes: string;
        referenceNumber: string;
      }[];
    };
  };
};

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
// Harbor is in America/Chicago: a day or two back is "not in the future" wherever the test runs.
const yesterday = () => inDays(-1);

describe('the journey: scripts, providers and the insurance check', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let patient: GqlClient;
  let caregiver: GqlClient;
  let otherOrg: GqlClient;
  let otherPatient: GqlClient;
  beforeAll(async () => {
    s = await startTestStack('journey_providers');
    [advocate, patient, caregiver, otherOrg, otherPatient] = await Promise.all([
      s.signIn('advocate@harbor.example'),
      s.signIn('patient@harbor.example'),
      s.signIn('caregiver@harbor.example'),
      s.signIn('admin@northstar.example'),
      s.signIn('patient2@harbor.example'),
    ]);
  });
  afterAll(() => s?.close());

  const count = async (table: string) => Number((await s.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  describe('doctor scripts', () => {
    it('the patient picks a built-in script, edits it and it is saved on the case; staff see it', async () => {
      const r = await patient.ok<{ saveCaseDoctorScript: { doctorScript: { body: string; sourceKey: string } } }>(
        `mutation($c: ID!) { saveCaseDoctorScript(input: { caseId: $c, sourceKey: "rushed-second-opinion", purpose: SECOND_OPINION, situation: RUSHED_DOCTOR, body: "  I know you are busy. Could you send my records to a second doctor?  " }) { id doctorScript { body sourceKey } } }`,
        { c: MARIA },
      );
      expect(r.saveCaseDoctorScript.doctorScript).toEqual({ body: 'I know you are busy. Could you send my records to a second doctor?', sourceKey: 'rushed-second-opinion' });
      const seen = await advocate.ok<{ case: { doctorScript: { body: string; situation: string } } }>(SCRIPT, { id: MARIA });
      expect(seen.case.doctorScript).toMatchObject({ situation: 'RUSHED_DOCTOR', body: 'I know you are busy. Could you send my records to a second doctor?' });
      const audit = await s.ds.query(`SELECT action FROM audit_event WHERE case_id = $1 AND action = 'case_doctor_script.save'`, [MARIA]);
      expect(audit.length).toBeGreaterThanOrEqual(1);
    });

    it('staff add an organization script that everyone in the organization can pick; the patient cannot add one', async () => {
      const made = await advocate.ok<{ createDoctorScript: { id: string } }>(
        `mutation { createDoctorScript(input: { purpose: RECORDS, situation: GOOD_RELATIONSHIP, title: "Harbor: records by portal", body: "Could your office share my records through the portal?" }) { id } }`,
      );
      const list = await patient.ok<{ doctorScripts: { id: string; title: string }[] }>(`{ doctorScripts { id title } }`);
      expect(list.doctorScripts.map((x) => x.id)).toContain(made.createDoctorScript.id);
      expect((await otherOrg.ok<{ doctorScripts: { id: string }[] }>(`{ doctorScripts { id } }`)).doctorScripts.map((x) => x.id)).not.toContain(made.createDoctorScript.id);
      await patient.ok(`mutation($c: ID!, $k: String!) { saveCaseDoctorScript(input: { caseId: $c, sourceKey: $k, purpose: RECORDS, body: "Could your office share my records?" }) { id } }`, {
        c: MARIA,
        k: `org:${made.createDoctorScript.id}`,
      });
      const refused = await patient.gql(`mutation { createDoctorScript(input: { purpose: RECORDS, situation: GOOD_RELATIONSHIP, title: "x", body: "y" }) { id } }`);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses an empty script, an unknown source, a read-only caregiver and another tenant, changing nothing', async () => {
      const before = await advocate.ok<{ case: { doctorScript: { body: string } } }>(SCRIPT, { id: MARIA });
      const empty = await patient.gql(`mutation($c: ID!) { saveCaseDoctorScript(input: { caseId: $c, purpose: REFERRAL, body: "   " }) { id } }`, { c: MARIA });
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body' } });
      const unknown = await patient.gql(`mutation($c: ID!) { saveCaseDoctorScript(input: { caseId: $c, sourceKey: "made-up", purpose: REFERRAL, body: "x" }) { id } }`, { c: MARIA });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'sourceKey' } });
      const foreign = await patient.gql(`mutation($c: ID!, $k: String!) { saveCaseDoctorScript(input: { caseId: $c, sourceKey: $k, purpose: REFERRAL, body: "x" }) { id } }`, {
        c: MARIA,
        k: `org:${randomUUID()}`,
      });
      expect(foreign.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      const cg = await caregiver.gql(`mutation($c: ID!) { saveCaseDoctorScript(input: { caseId: $c, purpose: REFERRAL, body: "x" }) { id } }`, { c: MARIA });
      expect(cg.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const other = await otherOrg.gql(`mutation($c: ID!) { saveCaseDoctorScript(input: { caseId: $c, purpose: REFERRAL, body: "x" }) { id } }`, { c: MARIA });
      expect(other.errors?.[0]).toMatchObject({ message: 'Case not found', extensions: { code: 'NOT_FOUND' } });
      expect((await advocate.ok<{ case: { doctorScript: { body: string } } }>(SCRIPT, { id: MARIA })).case.doctorScript).toEqual(before.case.doctorScript);
    });
  });

  describe('choosing the provider', () => {
    it('shows the seeded candidates with the same-specialty hint; staff notes only to staff', async () => {
      const staff = await advocate.ok<CaseCandidates>(CANDIDATES, { id: MARIA });
      expect(staff.case.currentDoctorSpecialty).toBe('Surgery');
      expect(staff.case.providerCandidates.map((c) => c.name)).toEqual(['Dr. Helen Park', 'Dr. Samuel Ortiz']);
      expect(staff.case.providerChoice.hint).toBe('SAME_SPECIALTY');
      expect(staff.case.providerCandidates[1].staffNotes).toMatch(/Same group/);
      for (const who of [patient, caregiver]) {
        const r = await who.ok<CaseCandidates>(CANDIDATES, { id: MARIA });
        expect(r.case.providerCandidates.map((c) => c.staffNotes)).toEqual([null, null]);
        expect(JSON.stringify(r)).not.toMatch(/Same group/);
      }
    });

    it('the advocate adds one from the directory and one new; the hint goes once another specialty is in', async () => {
      const dir = await advocate.ok<{ providerDirectory: { id: string; name: string }[] }>(`{ providerDirectory(search: "oncology") { id name } }`);
      const obi = dir.providerDirectory.find((d) => d.name === 'Dr. Amara Obi')!;
      const added = await advocate.ok<{ addProviderCandidate: CaseCandidates['case'] }>(
        `mutation($c: ID!, $d: ID!) { addProviderCandidate(input: { caseId: $c, directoryEntryId: $d, network: IN_NETWORK, expectedWaitDays: 9, referredBy: "Sam (advocate)" }) { id providerCandidates { id name specialty subSpecialty network expectedWaitDays chosen chosenReason staffNotes version } providerChoice { hint strengths { candidateId strengths } } } }`,
        { c: MARIA, d: obi.id },
      );
      const c = added.addProviderCandidate.providerCandidates.find((x) => x.name === 'Dr. Amara Obi')!;
      expect(c).toMatchObject({ specialty: 'Medical oncology', subSpecialty: 'Breast cancer', network: 'IN_NETWORK', expectedWaitDays: 9 });
      expect(added.addProviderCandidate.providerChoice.hint).toBeNull();
      const strengths = added.addProviderCandidate.providerChoice.strengths.find((x) => x.candidateId === c.id)!.strengths;
      expect(strengths).toEqual(expect.arrayContaining(['ACADEMIC_CENTRE', 'IN_NETWORK', 'DIFFERENT_LENS']));
      await patient.ok(
        `mutation($c: ID!) { addProviderCandidate(input: { caseId: $c, name: "Dr. Lena Fox", specialty: "Radiation oncology", visitMode: REMOTE_PROGRAMME, notes: "My cousin saw her" }) { id } }`,
        { c: MARIA },
      );
      const audit = await s.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE case_id = $1 AND action = 'provider_candidate.create'`, [MARIA]);
      expect(audit[0].n).toBe(2);
    });

    it('choosing one keeps the reason and releases an earlier choice; only one is ever chosen', async () => {
      const list = (await advocate.ok<CaseCandidates>(CANDIDATES, { id: MARIA })).case.providerCandidates;
      const [park, , obi] = list;
      await advocate.ok(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "Academic center" }) { id } }`, { id: park.id });
      const r = await patient.ok<{ chooseProviderCandidate: CaseCandidates['case'] }>(
        `mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "  A different lens: a medical oncologist, in network  " }) { id providerCandidates { id chosen chosenReason } } }`,
        { id: obi.id },
      );
      const chosen = r.chooseProviderCandidate.providerCandidates.filter((c) => c.chosen);
      expect(chosen).toEqual([{ id: obi.id, chosen: true, chosenReason: 'A different lens: a medical oncologist, in network' }]);
    });

    it('two people choosing at the same moment end with exactly one choice, never an error', async () => {
      const list = (await advocate.ok<CaseCandidates>(CANDIDATES, { id: MARIA })).case.providerCandidates;
      const [a, b] = [list[0], list[1]];
      const results = await Promise.all([
        advocate.gql(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "race a" }) { id } }`, { id: a.id }),
        patient.gql(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "race b" }) { id } }`, { id: b.id }),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      const chosen = (await advocate.ok<CaseCandidates>(CANDIDATES, { id: MARIA })).case.providerCandidates.filter((c) => c.chosen);
      expect(chosen).toHaveLength(1);
      // Put the earlier choice back for the tests that follow.
      await advocate.ok(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "A different lens: a medical oncologist, in network" }) { id } }`, { id: list[2].id });
    });

    it('refuses bad input and outsiders and changes nothing', async () => {
      const before = await count('provider_candidate');
      const noName = await advocate.gql(`mutation($c: ID!) { addProviderCandidate(input: { caseId: $c, name: " ", specialty: "Surgery" }) { id } }`, { c: MARIA });
      expect(noName.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'name' } });
      const wait = await advocate.gql(`mutation($c: ID!) { addProviderCandidate(input: { caseId: $c, name: "X", specialty: "Surgery", expectedWaitDays: 9999 }) { id } }`, { c: MARIA });
      expect(wait.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      const staffNote = await patient.gql(`mutation($c: ID!) { addProviderCandidate(input: { caseId: $c, name: "X", specialty: "Surgery", staffNotes: "sneaky" }) { id } }`, { c: MARIA });
      expect(staffNote.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { field: 'staffNotes' } });
      const otherTenantDir = await otherOrg.gql(`mutation { createDirectoryProvider(input: { name: "Dr. North", specialty: "Cardiology" }) { id } }`);
      const northId = (otherTenantDir.data as { createDirectoryProvider: { id: string } }).createDirectoryProvider.id;
      const foreignDir = await advocate.gql(`mutation($c: ID!, $d: ID!) { addProviderCandidate(input: { caseId: $c, directoryEntryId: $d }) { id } }`, { c: MARIA, d: northId });
      expect(foreignDir.errors?.[0]).toMatchObject({ message: 'Directory provider not found', extensions: { code: 'NOT_FOUND' } });
      const outsider = await otherOrg.gql(`mutation($c: ID!) { addProviderCandidate(input: { caseId: $c, name: "X", specialty: "Y" }) { id } }`, { c: MARIA });
      const ghost = await otherOrg.gql(`mutation($c: ID!) { addProviderCandidate(input: { caseId: $c, name: "X", specialty: "Y" }) { id } }`, { c: randomUUID() });
      expect(outsider.errors?.[0]).toEqual(ghost.errors?.[0]);
      expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await count('provider_candidate')).toBe(before);

      const list = (await advocate.ok<CaseCandidates>(CANDIDATES, { id: MARIA })).case.providerCandidates;
      const noReason = await advocate.gql(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "  " }) { id } }`, { id: list[0].id });
      expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'reason' } });
      const otherPat = await otherPatient.gql(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "x" }) { id } }`, { id: list[0].id });
      expect(otherPat.errors?.[0]).toMatchObject({ message: 'Provider candidate not found', extensions: { code: 'NOT_FOUND' } });
      const stale = await advocate.gql(`mutation($id: ID!) { updateProviderCandidate(input: { id: $id, expectedVersion: 999, notes: "x" }) { id } }`, { id: list[0].id });
      expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');
      // The refusal carries the saved values for the form to show beside the editor's; staff notes only to staff.
      expect(stale.errors?.[0].extensions?.['details']).toMatchObject({
        currentVersion: list[0].version,
        current: { name: list[0].name, specialty: list[0].specialty, staffNotes: expect.any(String) },
      });
      const patientStale = await patient.gql(`mutation($id: ID!) { updateProviderCandidate(input: { id: $id, expectedVersion: 999, notes: "x" }) { id } }`, { id: list[0].id });
      const patientCurrent = (patientStale.errors?.[0].extensions?.['details'] as { current: Record<string, unknown> }).current;
      expect(patientCurrent).toMatchObject({ name: list[0].name });
      expect(patientCurrent).not.toHaveProperty('staffNotes');
      const after = (await advocate.ok<CaseCandidates>(CANDIDATES, { id: MARIA })).case.providerCandidates;
      expect(after).toEqual(list);
    });

    it('the current doctor’s specialty can be set on the case, and updates and removal work', async () => {
      const v = (await advocate.ok<{ case: { version: number } }>(`query($id: ID!) { case(id: $id) { version } }`, { id: MARIA })).case.version;
      await patient.ok(
        `mutation($id: ID!, $v: Int!) { updateCase(input: { id: $id, expectedVersion: $v, currentDoctorSpecialty: "Surgery", currentDoctorSubSpecialty: "Surgical oncology" }) { id } }`,
        { id: MARIA, v },
      );
      const list = (await advocate.ok<CaseCandidates>(CANDIDATES, { id: MARIA })).case.providerCandidates;
      const fox = list.find((c) => c.name === 'Dr. Lena Fox')!;
      const upd = await advocate.ok<{ updateProviderCandidate: CaseCandidates['case'] }>(
        `mutation($id: ID!, $v: Int!) { updateProviderCandidate(input: { id: $id, expectedVersion: $v, network: OUT_OF_NETWORK, staffNotes: "Out of network: ask about cost" }) { id providerCandidates { id network staffNotes } } }`,
        { id: fox.id, v: fox.version },
      );
      expect(upd.updateProviderCandidate.providerCandidates.find((c) => c.id === fox.id)).toEqual({ id: fox.id, network: 'OUT_OF_NETWORK', staffNotes: 'Out of network: ask about cost' });
      const removed = await patient.ok<{ removeProviderCandidate: { providerCandidates: { id: string }[] } }>(
        `mutation($id: ID!) { removeProviderCandidate(id: $id) { id providerCandidates { id } } }`,
        { id: fox.id },
      );
      expect(removed.removeProviderCandidate.providerCandidates.map((c) => c.id)).not.toContain(fox.id);
    });
  });

  describe('the insurance check', () => {
    it('shows the seeded plan with the Medicare Advantage hint, and the patient can correct it', async () => {
      const r = await patient.ok<Check>(CHECK, { id: MARIA });
      expect(r.case.insuranceCheck).toMatchObject({
        plan: { payer: 'Lakeshore Health', planType: 'MEDICARE_ADVANTAGE' },
        outcome: null,
        calls: [],
        coverageHints: ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL'],
      });
      await patient.ok(`mutation($c: ID!) { saveInsurancePlan(input: { caseId: $c, payer: "Medicare", planType: MEDICARE, memberId: "1EG4-TE5-MK72" }) { id } }`, { c: MARIA });
      const after = await advocate.ok<Check>(CHECK, { id: MARIA });
      // Maria's surgeon proposes surgery (RISKY_TREATMENT): Medicare covers a second opinion before it.
      expect(after.case.insuranceCheck).toMatchObject({ plan: { payer: 'Medicare', planType: 'MEDICARE', memberId: '1EG4-TE5-MK72' }, coverageHints: ['MEDICARE_SECOND_OPINION_BEFORE_SURGERY'] });
    });

    it('logs a call that needs prior authorization, then a call that verifies it; every call is kept, staff notes only for staff', async () => {
      await advocate.ok(
        `mutation($c: ID!, $d: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, representative: "Dana", referenceNumber: "REF-1001", covered: true, preAuthRequired: true, referringDoctorMustRequest: true, costShare: "20% after deductible", outcome: NEEDS_PRE_AUTHORISATION, notes: "Dr. Alvarez's office must send the request", staffNotes: "Rep was unsure; ask for a supervisor next time" }) { id } }`,
        { c: MARIA, d: yesterday() },
      );
      let check = (await advocate.ok<Check>(CHECK, { id: MARIA })).case.insuranceCheck;
      expect(check.outcome).toBe('NEEDS_PRE_AUTHORISATION');
      expect(check.nextSteps).toEqual(['ASK_DOCTOR_FOR_PRE_AUTHORISATION']);
      await advocate.ok(
        `mutation($c: ID!, $d: String!, $f: String!, $t: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, representative: "Lee", referenceNumber: "REF-1002", covered: true, preAuthRequired: true, preAuthNumber: "PA-778812", preAuthValidFrom: $f, preAuthValidTo: $t, outcome: VERIFIED }) { id } }`,
        { c: MARIA, d: yesterday(), f: today(), t: inDays(60) },
      );
      check = (await advocate.ok<Check>(CHECK, { id: MARIA })).case.insuranceCheck;
      expect(check.outcome).toBe('VERIFIED');
      expect(check.nextSteps).toEqual(['BOOK_WITHIN_PRE_AUTHORISATION', 'KEEP_REFERENCE']);
      expect(check.preAuthorisation).toEqual({ number: 'PA-778812', validFrom: today(), validTo: inDays(60) });
      expect(check.calls.map((c) => c.referenceNumber).sort()).toEqual(['REF-1001', 'REF-1002']);
      expect(check.calls.find((c) => c.referenceNumber === 'REF-1001')!.staffNotes).toMatch(/supervisor/);
      const mine = (await patient.ok<Check>(CHECK, { id: MARIA })).case.insuranceCheck;
      expect(mine.calls.map((c) => c.staffNotes)).toEqual([null, null]);
      expect(JSON.stringify(mine)).not.toMatch(/supervisor/);
      expect(mine.calls.find((c) => c.referenceNumber === 'REF-1001')!.notes).toMatch(/Alvarez/);
      const audit = await s.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE case_id = $1 AND action = 'insurance_call.create'`, [MARIA]);
      expect(audit[0].n).toBe(2);
    });

    it('refuses a prior authorization that ends before it starts, "verified" without the number, a future call, and outsiders; nothing is saved', async () => {
      const before = await count('insurance_call');
      const backwards = await advocate.gql(
        `mutation($c: ID!, $d: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, preAuthRequired: true, preAuthNumber: "PA-1", preAuthValidFrom: "2026-05-10", preAuthValidTo: "2026-05-01", outcome: VERIFIED }) { id } }`,
        { c: MARIA, d: yesterday() },
      );
      expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'preAuthValidTo' } });
      const noNumber = await advocate.gql(`mutation($c: ID!, $d: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, preAuthRequired: true, outcome: VERIFIED }) { id } }`, {
        c: MARIA,
        d: yesterday(),
      });
      expect(noNumber.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'preAuthNumber' } });
      const future = await advocate.gql(`mutation($c: ID!, $d: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, outcome: VERIFIED }) { id } }`, { c: MARIA, d: inDays(3) });
      expect(future.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'calledOn' } });
      const badDate = await advocate.gql(`mutation($c: ID!) { logInsuranceCall(input: { caseId: $c, calledOn: "2026-02-30", outcome: VERIFIED }) { id } }`, { c: MARIA });
      expect(badDate.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      const patientStaffNote = await patient.gql(`mutation($c: ID!, $d: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, outcome: VERIFIED, staffNotes: "x" }) { id } }`, {
        c: MARIA,
        d: yesterday(),
      });
      expect(patientStaffNote.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const outsider = await otherOrg.gql(`mutation($c: ID!, $d: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, outcome: VERIFIED }) { id } }`, { c: MARIA, d: yesterday() });
      expect(outsider.errors?.[0]).toMatchObject({ message: 'Case not found', extensions: { code: 'NOT_FOUND' } });
      const outsiderRead = await otherPatient.gql(CHECK, { id: MARIA });
      expect(outsiderRead.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(backwards)).not.toMatch(/stacktrace|at .*\.js:\d+/);
      expect(await count('insurance_call')).toBe(before);
    });

    it('a case without a plan has no hints, and a call needs the plan first', async () => {
      const id = (
        await advocate.ok<{ createCase: { id: string } }>(
          `mutation { createCase(input: { patientName: "No Plan", question: "Q", diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: ROUTINE, currentDoctorSpecialty: "Cardiology" }) { id currentDoctorSpecialty } }`,
        )
      ).createCase.id;
      const r = await advocate.ok<Check>(CHECK, { id });
      expect(r.case.insuranceCheck).toEqual({ plan: null, outcome: null, nextSteps: [], coverageHints: [], calls: [], preAuthorisation: null });
      const noPlan = await advocate.gql(`mutation($c: ID!, $d: String!) { logInsuranceCall(input: { caseId: $c, calledOn: $d, outcome: VERIFIED }) { id } }`, { c: id, d: yesterday() });
      expect(noPlan.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'plan' } });
      const blankPayer = await advocate.gql(`mutation($c: ID!) { saveInsurancePlan(input: { caseId: $c, payer: " ", planType: COMMERCIAL }) { id } }`, { c: id });
      expect(blankPayer.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'payer' } });
      expect((await advocate.ok<Check>(CHECK, { id })).case.insuranceCheck.plan).toBeNull();
      expect((await advocate.ok<{ case: { currentDoctorSpecialty: string } }>(`query($id: ID!) { case(id: $id) { currentDoctorSpecialty } }`, { id })).case.currentDoctorSpecialty).toBe('Cardiology');
    });
  });
});
