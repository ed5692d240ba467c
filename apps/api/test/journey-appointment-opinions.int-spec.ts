import { randomUUID } from 'node:crypto';
import { Clock } from '@second-look/server-platform';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

// The appointment and opinions half of the second-opinion journey, against the real API:
// Maria (the patient) and her advocate prepare questions, book, record the visit, compare
// opinions, start a third round, decide and close the loop.
const MARIA = DEMO.cases.maria;
// Days in Harbor's time zone, as the API reads "today" (a UTC day is already tomorrow there each evening).
const isoDay = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date(Date.now() + offset * 86_400_000));

type Question = { id: string; starter: string | null; text: string; position: number; version: number };
type Appointment = {
  id: string;
  version: number;
  providerName: string;
  staffNotes: string | null;
  feelings: string[];
  feelingSummary: string;
  worries: string;
  answers: { questionId: string; answer: string; version: number }[];
  whatToBring: { kind: string; state: string }[];
};

const QUESTIONS = `query($id: ID!) { case(id: $id) { questions { id starter text position version } } }`;
const APPOINTMENTS = `query($id: ID!) { case(id: $id) { appointments { id version providerName staffNotes feelings feelingSummary worries answers { questionId answer version } whatToBring { kind state } } } }`;
const OPINIONS = `query($id: ID!) { case(id: $id) { stage opinions { id number providerName diagnosis staffNotes version } opinionComparison { outcome opinionCount version } opinionAdvice { nextSteps thirdOpinionSuggested coverageHints nextOpinionNumber } decision { decision careMoves recordsRelease followUpOn outcome version } closingProblems } }`;

type OpinionsView = {
  stage: string;
  opinions: { id: string; number: number; providerName: string; staffNotes: string | null; version: number }[];
  opinionComparison: { outcome: string; opinionCount: number; version: number } | null;
  opinionAdvice: { nextSteps: string[]; thirdOpinionSuggested: boolean; coverageHints: string[]; nextOpinionNumber: number };
  decision: { decision: string; careMoves: boolean; recordsRelease: string; followUpOn: string | null; outcome: string | null; version: number } | null;
  closingProblems: string[];
};

describe('journey: appointment, questions, opinions compared, decision and close', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let patient: GqlClient;
  let caregiver: GqlClient;
  let stranger: GqlClient;
  const count = async (table: string): Promise<number> => (await s.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const questions = async (c: GqlClient) => (await c.ok<{ case: { questions: Question[] } }>(QUESTIONS, { id: MARIA })).case.questions;
  const appointments = async (c: GqlClient) => (await c.ok<{ case: { appointments: Appointment[] } }>(APPOINTMENTS, { id: MARIA })).case.appointments;
  const opinions = async (c: GqlClient) => (await c.ok<{ case: OpinionsView }>(OPINIONS, { id: MARIA })).case;
  const move = (to: string) => advocate.ok(`mutation($to: CaseStage!) { moveCaseStage(input: { caseId: "${MARIA}", to: $to }) { stage } }`, { to });
  const book = (c: GqlClient, input: Record<string, unknown>) =>
    c.gql(`mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id appointments { id } } }`, {
      input: { caseId: MARIA, date: isoDay(3), time: '10:30', mode: 'IN_PERSON', place: 'Lakeshore University Medical Center, Breast Clinic, 2nd floor', providerName: 'Dr. Helen Park', ...input },
    });
  const addOpinion = (c: GqlClient, input: Record<string, unknown>) =>
    c.gql(`mutation($input: AddOpinionInput!) { addOpinion(input: $input) { id opinions { id number } } }`, {
      input: { caseId: MARIA, givenOn: isoDay(-1), diagnosis: 'Invasive ductal carcinoma, stage II', recommendedPlan: 'Mastectomy', urgency: 'URGENT', reasoning: 'Tumor size', ...input },
    });

  beforeAll(async () => {
    s = await startTestStack('journey_b');
    [advocate, patient, caregiver, stranger] = await Promise.all(['advocate@harbor.example', 'patient@harbor.example', 'caregiver@harbor.example', 'admin@northstar.example'].map((e) => s.signIn(e)));
  });
  afterAll(() => s?.close());

  it('a new case starts with the suggested questions; the patient adds her own and orders them', async () => {
    const created = await advocate.ok<{ createCase: { id: string; questions: Question[] } }>(
      `mutation { createCase(input: { patientName: "New Patient", question: "Q?", diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: ROUTINE }) { id questions { id starter text position version } } }`,
    );
    expect(created.createCase.questions.map((q) => q.starter)).toEqual([
      'AGREE_WITH_DIAGNOSIS',
      'OTHER_EXPLANATIONS',
      'MORE_TESTS',
      'ALL_OPTIONS',
      'RECOMMENDATION_WHY',
      'OUTCOMES_AND_RISKS',
      'IN_MY_PLACE',
    ]);

    // Maria's case predates the starter set: she adds it, twice changes nothing.
    expect(await questions(patient)).toEqual([]);
    await patient.ok(`mutation { addStarterQuestions(caseId: "${MARIA}") { id } }`);
    await patient.ok(`mutation { addStarterQuestions(caseId: "${MARIA}") { id } }`);
    expect((await questions(patient)).length).toBe(7);
    for (const text of ['Can I keep my breast?', 'How soon must I decide?']) {
      await patient.ok(`mutation($t: String!) { addCaseQuestion(input: { caseId: "${MARIA}", text: $t }) { id } }`, { t: text });
    }
    let list = await questions(patient);
    const mine = list[8];
    expect(mine).toMatchObject({ text: 'How soon must I decide?', starter: null, position: 8 });
    for (let i = 0; i < 8; i++) await patient.ok(`mutation { moveCaseQuestion(input: { id: "${mine.id}", direction: UP }) { id } }`);
    await patient.ok(`mutation { moveCaseQuestion(input: { id: "${mine.id}", direction: UP }) { id } }`); // already first: no change
    list = await questions(patient);
    expect(list[0].id).toBe(mine.id);
    expect(list.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);

    // Editing a suggestion keeps which one it was; a stale edit is refused and changes nothing.
    const starter = list[1];
    const edited = await patient.ok<{ updateCaseQuestion: Question }>(
      `mutation($id: ID!, $v: Int!) { updateCaseQuestion(input: { id: $id, expectedVersion: $v, text: "Do you agree with the diagnosis? Why?" }) { id text starter version } }`,
      { id: starter.id, v: starter.version },
    );
    expect(edited.updateCaseQuestion).toMatchObject({ starter: starter.starter, text: 'Do you agree with the diagnosis? Why?', version: starter.version + 1 });
    const stale = await advocate.gql(`mutation($id: ID!, $v: Int!) { updateCaseQuestion(input: { id: $id, expectedVersion: $v, text: "overwritten" }) { id } }`, {
      id: starter.id,
      v: starter.version,
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: starter.version + 1, current: { text: 'Do you agree with the diagnosis? Why?' } } });
    expect((await questions(patient))[1].text).toBe('Do you agree with the diagnosis? Why?');

    // The caregiver (comment access) reads the list but cannot change it.
    expect((await questions(caregiver)).length).toBe(9);
    expect((await caregiver.gql(`mutation { addCaseQuestion(input: { caseId: "${MARIA}", text: "x" }) { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad bookings and changes nothing; books a visit still to come; staff notes stay with staff', async () => {
    const before = await count('appointment');
    const past = await book(advocate, { date: isoDay(-1) });
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'date' } });
    expect((await book(advocate, { mode: 'VIDEO', place: '' })).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'videoLink' } });
    expect((await book(advocate, { providerName: '  ' })).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'providerName' } });
    expect((await book(advocate, { time: '25:00' })).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'time' } });
    expect((await book(patient, { staffNotes: 'mine' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { field: 'staffNotes' } });
    expect((await book(advocate, { candidateId: randomUUID() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count('appointment')).toBe(before);

    const ok = await book(advocate, { staffNotes: 'Dr. Park runs late on Tuesdays.', candidateId: '1b000000-0000-4000-8000-000000000001', bringNotes: 'Insurance card and the list of medicines' });
    expect(ok.errors).toBeUndefined();
    const [staffView] = await appointments(advocate);
    expect(staffView).toMatchObject({ providerName: 'Dr. Helen Park', staffNotes: 'Dr. Park runs late on Tuesdays.', feelingSummary: 'NOT_RECORDED' });
    const [patientView] = await appointments(patient);
    expect(patientView.staffNotes).toBeNull();
    // What to bring is the packet, with where each item stands.
    await advocate.ok(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: PATHOLOGY_SLIDES, title: "Core biopsy slides" }) { id } }`);
    expect((await appointments(patient))[0].whatToBring).toEqual([{ kind: 'PATHOLOGY_SLIDES', state: 'NEEDED' }]);
    expect(await s.ds.query(`SELECT action FROM audit_event WHERE action = 'appointment.create' AND case_id = $1`, [MARIA])).toHaveLength(1);
  });

  it('the patient records answers and how the visit felt; stale saves are refused', async () => {
    const [a] = await appointments(patient);
    const [q1] = await questions(patient);
    const answered = await patient.ok<{ recordAppointmentAnswer: Appointment }>(
      `mutation { recordAppointmentAnswer(input: { appointmentId: "${a.id}", questionId: "${q1.id}", answer: "She thinks I have about two weeks." }) { id answers { questionId answer version } } }`,
    );
    expect(answered.recordAppointmentAnswer.answers).toEqual([{ questionId: q1.id, answer: 'She thinks I have about two weeks.', version: 1 }]);
    // Changing an answer without its version is a stale save.
    expect((await advocate.gql(`mutation { recordAppointmentAnswer(input: { appointmentId: "${a.id}", questionId: "${q1.id}", answer: "x" }) { id } }`)).errors?.[0].extensions?.code).toBe(
      'STALE_VERSION',
    );
    // The advocate clears it; the patient's edit of the answer she saw is refused with "no answer" as theirs, and kept once she confirms (no answer: no version).
    await advocate.ok(`mutation { recordAppointmentAnswer(input: { appointmentId: "${a.id}", questionId: "${q1.id}", answer: "", expectedVersion: 1 }) { id } }`);
    const overCleared = await patient.gql(
      `mutation { recordAppointmentAnswer(input: { appointmentId: "${a.id}", questionId: "${q1.id}", answer: "About two weeks, she said.", expectedVersion: 1 }) { id } }`,
    );
    expect(overCleared.errors?.[0].extensions).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 0, current: { answer: '' } } });
    const kept = await patient.ok<{ recordAppointmentAnswer: Appointment }>(
      `mutation { recordAppointmentAnswer(input: { appointmentId: "${a.id}", questionId: "${q1.id}", answer: "She thinks I have about two weeks.", expectedVersion: null }) { id answers { questionId answer version } } }`,
    );
    expect(kept.recordAppointmentAnswer.answers).toEqual([{ questionId: q1.id, answer: 'She thinks I have about two weeks.', version: 1 }]);
    // A question of another case is not found.
    expect((await patient.gql(`mutation { recordAppointmentAnswer(input: { appointmentId: "${a.id}", questionId: "${randomUUID()}", answer: "x" }) { id } }`)).errors?.[0]).toMatchObject({
      message: 'Question not found',
    });

    // How the visit felt waits until it has started (it is booked three days ahead): refused in plain words.
    const FEEL = `mutation($v: Int!, $f: [VisitFeeling!]!, $w: String!) { recordVisitFeelings(input: { appointmentId: "${a.id}", expectedVersion: $v, feelings: $f, worries: $w }) { feelings feelingSummary worries version } }`;
    const started = async () =>
      (await patient.ok<{ case: { appointments: { id: string; started: boolean }[] } }>(`query { case(id: "${MARIA}") { appointments { id started } } }`)).case.appointments.find((x) => x.id === a.id)!
        .started;
    expect(await started()).toBe(false);
    const early = await patient.gql(FEEL, { v: a.version, f: ['HEARD', 'HURRIED'], w: '' });
    expect(early.errors?.[0]).toMatchObject({ message: 'You can say how the visit felt once it has started.', extensions: { code: 'VALIDATION_FAILED', details: { field: 'feelings' } } });
    expect((await patient.gql(FEEL, { v: a.version, f: [], w: 'A worry' })).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect((await appointments(patient))[0]).toMatchObject({ feelings: [], worries: '', version: a.version });

    // Four days on, the visit has happened: now it can be written down.
    const clock = s.app.get(Clock);
    clock.advance(4 * 86_400_000);
    try {
      expect(await started()).toBe(true);
      const felt = await patient.ok<{ recordVisitFeelings: Appointment }>(FEEL, { v: a.version, f: ['HURRIED', 'HEARD'], w: 'She said the margins might not be clear.' });
      expect(felt.recordVisitFeelings).toMatchObject({ feelings: ['HEARD', 'HURRIED'], feelingSummary: 'MIXED', worries: 'She said the margins might not be clear.', version: a.version + 1 });
      expect((await patient.gql(FEEL, { v: a.version, f: [], w: '' })).errors?.[0].extensions?.code).toBe('STALE_VERSION');
      // A visit whose feelings are written down happened: it can move within the past, not to a time still to come.
      const move = (date: string) =>
        advocate.gql(`mutation($v: Int!, $d: String!) { updateAppointment(input: { id: "${a.id}", expectedVersion: $v, date: $d }) { id version } }`, { v: a.version + 1, d: date });
      expect((await move(isoDay(9))).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'date' } });
      expect((await move(isoDay(2))).errors).toBeUndefined();
    } finally {
      clock.advance(-4 * 86_400_000);
    }
  });

  it('a cancelled visit takes no feelings; a written opinion may come before any visit', async () => {
    const booked = await book(advocate, { providerName: 'Dr. Records Review', date: isoDay(5) });
    expect(booked.errors).toBeUndefined();
    const b = (await appointments(advocate)).find((x) => x.providerName === 'Dr. Records Review')!;
    const cancelled = await advocate.ok<{ cancelAppointment: { version: number } }>(`mutation($v: Int!) { cancelAppointment(input: { id: "${b.id}", expectedVersion: $v }) { version } }`, {
      v: b.version,
    });
    const clock = s.app.get(Clock);
    clock.advance(6 * 86_400_000);
    try {
      const r = await patient.gql(`mutation($v: Int!) { recordVisitFeelings(input: { appointmentId: "${b.id}", expectedVersion: $v, feelings: [HEARD], worries: "" }) { id } }`, {
        v: cancelled.cancelAppointment.version,
      });
      expect(r.errors?.[0]).toMatchObject({ message: 'This appointment was canceled, so there is no visit to describe.', extensions: { code: 'VALIDATION_FAILED' } });
    } finally {
      clock.advance(-6 * 86_400_000);
    }
    // Remote programmes review the records and write before any visit: an opinion dated today, ahead of a visit, is taken.
    const before = (await opinions(advocate)).opinions.length;
    expect((await addOpinion(advocate, { providerName: 'Remote second-opinion program', givenOn: isoDay(0) })).errors).toBeUndefined();
    expect((await opinions(advocate)).opinions).toHaveLength(before + 1);
    await s.ds.query(`DELETE FROM case_opinion WHERE case_id = $1 AND provider_name = 'Remote second-opinion program'`, [MARIA]);
  });

  it('the patient’s own timeline becomes the packet’s own-timeline item', async () => {
    const future = await patient.gql(`mutation($d: String!) { addOwnTimelineEntry(input: { caseId: "${MARIA}", occurredOn: $d, kind: SYMPTOM, what: "Lump" }) { id } }`, { d: isoDay(2) });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'occurredOn' } });
    expect(await count('own_timeline_entry')).toBe(0);
    await patient.ok(
      `mutation($d: String!) { addOwnTimelineEntry(input: { caseId: "${MARIA}", occurredOn: $d, kind: SYMPTOM, what: "Found a lump in the left breast", severity: MODERATE }) { id } }`,
      { d: isoDay(-60) },
    );
    await patient.ok(`mutation($d: String!) { addOwnTimelineEntry(input: { caseId: "${MARIA}", occurredOn: $d, kind: TREATMENT, what: "Core biopsy", howItWent: "Sore for two days" }) { id } }`, {
      d: isoDay(-40),
    });
    const r = await patient.ok<{ case: { packet: { kind: string; state: string; ownTimelineEntries: { what: string }[] }[] } }>(
      `query { case(id: "${MARIA}") { packet { kind state ownTimelineEntries { what } } } }`,
    );
    const item = r.case.packet.find((p) => p.kind === 'OWN_TIMELINE')!;
    expect(item.state).toBe('RECEIVED');
    expect(item.ownTimelineEntries.map((e) => e.what)).toEqual(['Found a lump in the left breast', 'Core biopsy']);
    expect(r.case.packet.filter((p) => p.kind !== 'OWN_TIMELINE').every((p) => p.ownTimelineEntries.length === 0)).toBe(true);
  });

  it('opinions are compared; strong conflict suggests a third opinion with the plan’s hint, and a third round keeps the first two', async () => {
    const before = await count('case_opinion');
    expect((await addOpinion(advocate, { providerName: ' ' })).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'providerName' } });
    expect((await addOpinion(advocate, { providerName: 'Dr. A', givenOn: isoDay(5) })).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'givenOn' } });
    expect((await addOpinion(advocate, { providerName: 'Dr. A', sourceDocumentId: randomUUID() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await addOpinion(patient, { providerName: 'Dr. A', staffNotes: 'x' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('case_opinion')).toBe(before);
    expect((await advocate.gql(`mutation { compareOpinions(input: { caseId: "${MARIA}", outcome: AGREE }) { id } }`)).errors?.[0].extensions?.code).toBe('CONFLICT');

    await addOpinion(advocate, { providerName: 'Dr. Samuel Reed (current surgeon)', staffNotes: 'Prefers to be called in the morning.' });
    await addOpinion(patient, { providerName: 'Dr. Helen Park', diagnosis: 'Invasive ductal carcinoma, stage I', recommendedPlan: 'Lumpectomy with radiation', reasoning: 'Smaller on the new MRI' });
    let v = await opinions(patient);
    expect(v.opinions.map((o) => [o.number, o.staffNotes])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect((await opinions(advocate)).opinions[0].staffNotes).toBe('Prefers to be called in the morning.');

    await advocate.ok(`mutation { compareOpinions(input: { caseId: "${MARIA}", outcome: STRONGLY_CONFLICT, note: "Mastectomy against lumpectomy" }) { id } }`);
    v = await opinions(patient);
    expect(v.opinionAdvice).toEqual({
      nextSteps: ['THIRD_OPINION_ACADEMIC_CENTRE', 'TUMOUR_BOARD', 'ASK_EACH_DOCTOR_WHY', 'LEAN_ON_ADVOCATE'],
      thirdOpinionSuggested: true,
      coverageHints: ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL'],
      nextOpinionNumber: 3,
    });
    await s.ds.query(`UPDATE insurance_plan SET plan_type = 'MEDICARE' WHERE case_id = $1`, [MARIA]);
    expect((await opinions(patient)).opinionAdvice.coverageHints).toEqual(['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER']);

    // Only staff who move stages start another round; it sends the case back to choosing a provider.
    expect((await patient.gql(`mutation { startNextOpinionRound(caseId: "${MARIA}") { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const round = await advocate.ok<{ startNextOpinionRound: { stage: string; opinions: { number: number }[] } }>(
      `mutation { startNextOpinionRound(caseId: "${MARIA}") { stage opinions { number } } }`,
    );
    expect(round.startNextOpinionRound).toEqual({ stage: 'CHOOSE_PROVIDER', opinions: [{ number: 1 }, { number: 2 }] });
    await addOpinion(advocate, { providerName: 'Lakeshore tumor board', recommendedPlan: 'Lumpectomy with radiation' });
    v = await opinions(advocate);
    expect(v.opinions.map((o) => o.number)).toEqual([1, 2, 3]);
    expect(v.opinionAdvice.nextSteps).toEqual([]); // the new round is not judged yet
    expect(v.opinionComparison).toMatchObject({ outcome: 'STRONGLY_CONFLICT', opinionCount: 2 });
  });

  it('the decision is recorded, closing waits for the loop to close, and staff close with an outcome', async () => {
    const decide = (c: GqlClient, extra: string, vars: Record<string, unknown> = {}) =>
      c.gql(
        `mutation($v: Int, $f: String) { recordDecision(input: { caseId: "${MARIA}", expectedVersion: $v, followUpOn: $f, decision: "Lumpectomy with radiation at Lakeshore", reasons: "Two of three doctors agree", ${extra} }) { id decision { version } } }`,
        vars,
      );
    // Not while the case is still choosing a provider.
    expect((await decide(patient, 'careMoves: false')).errors?.[0].extensions?.code).toBe('CONFLICT');
    for (const to of ['VERIFY_INSURANCE', 'PREPARE', 'APPOINTMENT', 'COMPARE_AND_DECIDE']) await move(to);
    await advocate.ok(`mutation { compareOpinions(input: { caseId: "${MARIA}", outcome: DIFFER }) { id } }`);
    expect((await opinions(patient)).opinionAdvice.thirdOpinionSuggested).toBe(false); // three opinions: weigh, not a fourth

    expect((await decide(patient, 'careMoves: true')).errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'newProviderName' } });
    expect(await count('case_decision')).toBe(0);
    expect((await decide(patient, 'careMoves: true, newProviderName: "Lakeshore University Medical Center"')).errors).toBeUndefined();
    let v = await opinions(patient);
    expect(v.decision).toMatchObject({ careMoves: true, recordsRelease: 'TO_SEND', outcome: null, version: 1 });
    expect(v.closingProblems).toEqual(['NOT_CLOSING_THE_LOOP', 'NO_FOLLOW_UP', 'RECORDS_NOT_RELEASED']);

    const close = (c: GqlClient) => c.gql(`mutation { closeCaseWithOutcome(input: { caseId: "${MARIA}", outcome: CHANGED_TREATMENT }) { id stage } }`);
    expect((await close(advocate)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', details: { problems: ['NOT_CLOSING_THE_LOOP', 'NO_FOLLOW_UP', 'RECORDS_NOT_RELEASED'] } });
    await move('CLOSE_THE_LOOP');
    // A stale save is refused with every field of the decision form, so it can show the whole saved decision.
    expect((await decide(patient, 'careMoves: true, recordsRelease: SENT', { v: 99, f: isoDay(7) })).errors?.[0].extensions).toMatchObject({
      code: 'STALE_VERSION',
      details: {
        currentVersion: 1,
        current: {
          decision: 'Lumpectomy with radiation at Lakeshore',
          reasons: 'Two of three doctors agree',
          chosenOpinionId: null,
          followUpOn: null,
          followUpOutcome: '',
          careMoves: true,
          newProviderName: 'Lakeshore University Medical Center',
          recordsRelease: 'TO_SEND',
        },
      },
    });
    expect((await decide(patient, 'careMoves: true, recordsRelease: SENT', { v: 1, f: isoDay(7) })).errors).toBeUndefined();
    expect((await opinions(patient)).closingProblems).toEqual([]);
    expect((await close(patient)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const closed = await close(advocate);
    expect(closed.data).toEqual({ closeCaseWithOutcome: { id: MARIA, stage: 'CLOSED' } });
    v = await opinions(patient);
    expect(v.decision).toMatchObject({ outcome: 'CHANGED_TREATMENT', recordsRelease: 'SENT' });
    expect(await s.ds.query(`SELECT to_stage FROM case_stage_change WHERE case_id = $1 ORDER BY at DESC LIMIT 1`, [MARIA])).toEqual([{ to_stage: 'CLOSED' }]);
    expect(
      (await s.ds.query(`SELECT action FROM audit_event WHERE case_id = $1 AND action IN ('case.close', 'decision.create', 'decision.update', 'opinion.compare', 'opinion.start_round')`, [MARIA]))
        .length,
    ).toBe(6);
  });

  it('another organization gets "not found" for every journey row, exactly like a random id', async () => {
    const [a] = await appointments(advocate);
    const [q] = await questions(advocate);
    const [o] = (await opinions(advocate)).opinions;
    const tries: Array<[string, string, string]> = [
      [`mutation($id: ID!) { bookAppointment(input: { caseId: $id, date: "${isoDay(3)}", time: "10:00", mode: PHONE, providerName: "x" }) { id } }`, MARIA, 'Case not found'],
      [`mutation($id: ID!) { updateCaseQuestion(input: { id: $id, expectedVersion: 1, text: "x" }) { id } }`, q.id, 'Question not found'],
      [`mutation($id: ID!) { recordVisitFeelings(input: { appointmentId: $id, expectedVersion: 1, feelings: [], worries: "" }) { id } }`, a.id, 'Appointment not found'],
      [`mutation($id: ID!) { updateOpinion(input: { id: $id, expectedVersion: 1, diagnosis: "x" }) { id } }`, o.id, 'Opinion not found'],
      [`query($id: ID!) { case(id: $id) { appointments { id } } }`, MARIA, 'Case not found'],
    ];
    for (const [query, id, message] of tries) {
      const real = await stranger.gql(query, { id });
      const ghost = await stranger.gql(query, { id: randomUUID() });
      expect(real.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
      expect(ghost.errors?.[0]).toEqual(real.errors?.[0]);
    }
  });
});
