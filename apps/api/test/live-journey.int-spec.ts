import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { LiveClient, LiveMessage, LiveSubscription } from './support/live-client';
import { ApiReplica, GqlClient, signInAt, startReplica, startTestStack, TestStack } from './support/test-stack';

/**
 * The second-opinion journey, live: what the patient does on one API process reaches the
 * advocate on the other, and back; staff notes on appointments and opinions never reach a
 * patient's or caregiver's socket, not as an event, not inside the entity the event carries.
 */
const MARIA = DEMO.cases.maria;
const EVENTS = `subscription($id: ID!) { caseEvents(caseId: $id) {
  id kind entityId removed staffOnly actor { id }
  question { id text position version }
  appointment { id providerName bringNotes staffNotes version answers { questionId answer } }
  opinion { id number providerName diagnosis staffNotes version }
} }`;
const FEED = `query($id: ID!) { case(id: $id) { activity(first: 100) { nodes { kind staffOnly change fields } } } }`;

type Ev = {
  caseEvents: {
    id: string;
    kind: string;
    entityId: string | null;
    removed: boolean;
    staffOnly: boolean;
    actor: { id: string } | null;
    question: { id: string; text: string } | null;
    appointment: { id: string; providerName: string; bringNotes: string; staffNotes: string | null; version: number; answers: { questionId: string; answer: string }[] } | null;
    opinion: { id: string; number: number; providerName: string; diagnosis: string; staffNotes: string | null; version: number } | null;
  };
};
type Feed = { case: { activity: { nodes: Array<{ kind: string; staffOnly: boolean; change: string | null; fields: string[] }> } } };

const kind = (k: string) => (m: LiveMessage<Ev>) => m.data?.caseEvents.kind === k;
const inDays = (n: number): string => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

describe('the journey, live across two API processes', () => {
  let stack: TestStack;
  let second: ApiReplica;
  let urlA: string;
  let urlB: string;
  const open: LiveClient[] = [];

  const listen = async (url: string, http: GqlClient): Promise<LiveSubscription<Ev>> => {
    const c = new LiveClient(url, http.cookie);
    open.push(c);
    const s = c.subscribe<Ev>(EVENTS, { id: MARIA });
    await s.waitFor(kind('SUBSCRIBED'));
    return s;
  };

  beforeAll(async () => {
    stack = await startTestStack('live_journey');
    second = await startReplica(stack);
    urlA = stack.url;
    urlB = second.url;
  });
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await second?.close();
    await stack?.close();
  });

  it('a question the patient adds on process A reaches the advocate on process B, with its text; edits, moves and removals follow', async () => {
    const patient = await signInAt(urlA, 'patient@harbor.example');
    const advocate = await signInAt(urlB, 'advocate@harbor.example');
    const advocateLive = await listen(urlB, advocate);

    const text = `Is surgery the only option? ${randomUUID().slice(0, 8)}`;
    const added = await patient.ok<{ addCaseQuestion: { questions: { id: string; text: string; version: number }[] } }>(
      `mutation($c: ID!, $t: String!) { addCaseQuestion(input: { caseId: $c, text: $t }) { questions { id text version } } }`,
      { c: MARIA, t: text },
    );
    const q = added.addCaseQuestion.questions.find((x) => x.text === text)!;
    const heard = await advocateLive.waitFor(kind('QUESTION_CHANGED'));
    expect(heard.data?.caseEvents).toMatchObject({ entityId: q.id, staffOnly: false, actor: { id: DEMO.users.harborPatient }, question: { id: q.id, text } });

    let mark = advocateLive.messages.length;
    await patient.ok(`mutation($id: ID!, $v: Int!) { updateCaseQuestion(input: { id: $id, expectedVersion: $v, text: "Is surgery really needed now?" }) { id } }`, { id: q.id, v: q.version });
    const edited = await advocateLive.waitFor(kind('QUESTION_CHANGED'), 5000, mark);
    expect(edited.data?.caseEvents.question?.text).toBe('Is surgery really needed now?');

    mark = advocateLive.messages.length;
    await patient.ok(`mutation($id: ID!) { moveCaseQuestion(input: { id: $id, direction: UP }) { id } }`, { id: q.id });
    await advocateLive.waitFor(kind('QUESTION_CHANGED'), 5000, mark);

    mark = advocateLive.messages.length;
    await patient.ok(`mutation($id: ID!) { removeCaseQuestion(id: $id) { id } }`, { id: q.id });
    const removed = await advocateLive.waitFor(kind('QUESTION_CHANGED'), 5000, mark);
    expect(removed.data?.caseEvents).toMatchObject({ entityId: q.id, removed: true, question: null });

    // The feed words each step.
    const feed = (await advocate.ok<Feed>(FEED, { id: MARIA })).case.activity.nodes.filter((l) => l.kind === 'QUESTION_CHANGED').map((l) => l.change);
    expect(feed.slice(0, 4)).toEqual(['removed', 'moved', 'edited', 'added']);
  });

  it('an advocate’s staff note on an appointment never reaches the patient or caregiver; the booking and its answers do', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const caregiver = await signInAt(urlA, 'caregiver@harbor.example');
    const staffLive = await listen(urlA, advocate);
    const patientLive = await listen(urlB, patient);
    const caregiverLive = await listen(urlA, caregiver);
    const marks = [patientLive.messages.length, caregiverLive.messages.length];

    const booked = await advocate.ok<{ bookAppointment: { appointments: { id: string; providerName: string; version: number }[] } }>(
      `mutation($c: ID!, $d: String!) { bookAppointment(input: { caseId: $c, date: $d, time: "09:30", mode: VIDEO, videoLink: "https://video.example/room", providerName: "Dr. Live Okafor", staffNotes: "SECRET-BOOKING: patient anxious about costs" }) { appointments { id providerName version } } }`,
      { c: MARIA, d: inDays(9) },
    );
    const a = booked.bookAppointment.appointments.find((x) => x.providerName === 'Dr. Live Okafor')!;
    const patientSaw = await patientLive.waitFor((m) => m.data?.caseEvents.appointment?.id === a.id, 5000, marks[0]);
    expect(patientSaw.data?.caseEvents).toMatchObject({ kind: 'APPOINTMENT_CHANGED', staffOnly: false, appointment: { providerName: 'Dr. Live Okafor', staffNotes: null } });
    const staffSaw = await staffLive.waitFor((m) => m.data?.caseEvents.appointment?.id === a.id);
    expect(staffSaw.data?.caseEvents.appointment?.staffNotes).toBe('SECRET-BOOKING: patient anxious about costs');

    // A staff-notes-only edit goes to staff alone; a shared edit right after reaches everyone.
    await advocate.ok(`mutation($id: ID!, $v: Int!) { updateAppointment(input: { id: $id, expectedVersion: $v, staffNotes: "SECRET-EDIT: offer the hardship fund" }) { id } }`, {
      id: a.id,
      v: a.version,
    });
    await advocate.ok(`mutation($id: ID!, $v: Int!) { updateAppointment(input: { id: $id, expectedVersion: $v, bringNotes: "Bring the insurance card" }) { id } }`, { id: a.id, v: a.version + 1 });
    const staffOnly = await staffLive.waitFor((m) => m.data?.caseEvents.staffOnly === true && m.data.caseEvents.kind === 'APPOINTMENT_CHANGED');
    expect(staffOnly.data?.caseEvents.appointment?.staffNotes).toBe('SECRET-EDIT: offer the hardship fund');

    // The patient answers a question at the visit; the advocate hears it.
    const {
      addCaseQuestion: { questions: qs },
    } = await patient.ok<{ addCaseQuestion: { questions: { id: string }[] } }>(`mutation($c: ID!) { addCaseQuestion(input: { caseId: $c, text: "How long can we wait?" }) { questions { id } } }`, {
      c: MARIA,
    });
    await patient.ok(`mutation($a: ID!, $q: ID!) { recordAppointmentAnswer(input: { appointmentId: $a, questionId: $q, answer: "She said to wait six weeks" }) { id } }`, { a: a.id, q: qs[0].id });
    const answer = await staffLive.waitFor(kind('ANSWER_CHANGED'));
    expect(answer.data?.caseEvents.appointment?.answers).toEqual(expect.arrayContaining([{ questionId: qs[0].id, answer: 'She said to wait six weeks' }]));

    for (const [i, s] of [patientLive, caregiverLive].entries()) {
      const shared = await s.waitFor((m) => m.data?.caseEvents.appointment?.bringNotes === 'Bring the insurance card', 5000, marks[i]);
      expect(shared.data?.caseEvents.appointment?.staffNotes).toBeNull();
      await s.waitFor(kind('ANSWER_CHANGED'), 5000, marks[i]);
      expect(s.messages.slice(marks[i]).map((m) => m.data?.caseEvents.kind)).toEqual(['APPOINTMENT_CHANGED', 'APPOINTMENT_CHANGED', 'QUESTION_CHANGED', 'ANSWER_CHANGED']);
      expect(JSON.stringify(s.messages)).not.toMatch(/SECRET-|"staffOnly":true/);
    }

    // Nor in the feed: the patient's lines have no staff-notes step.
    const patientFeed = (await patient.ok<Feed>(FEED, { id: MARIA })).case.activity.nodes;
    expect(patientFeed.some((l) => l.staffOnly || l.change === 'staffNotes' || l.fields.includes('staffNotes'))).toBe(false);
    const staffFeed = (await advocate.ok<Feed>(FEED, { id: MARIA })).case.activity.nodes;
    expect(staffFeed.find((l) => l.kind === 'APPOINTMENT_CHANGED' && l.staffOnly)).toMatchObject({ change: 'staffNotes', fields: ['staffNotes'] });
  });

  it('an opinion staff record reaches the patient without its staff notes; a staff-notes edit stays with staff', async () => {
    const advocate = await signInAt(urlB, 'advocate@harbor.example');
    const patient = await signInAt(urlA, 'patient@harbor.example');
    const staffLive = await listen(urlB, advocate);
    const patientLive = await listen(urlA, patient);
    const mark = patientLive.messages.length;

    const added = await advocate.ok<{ addOpinion: { opinions: { id: string; providerName: string; version: number }[] } }>(
      `mutation($c: ID!, $d: String!) { addOpinion(input: { caseId: $c, providerName: "Dr. Live Haddad", givenOn: $d, diagnosis: "Benign nodule", recommendedPlan: "Watch and rescan in 6 months", urgency: ROUTINE, reasoning: "Stable size", staffNotes: "SECRET-OPINION: second reader disagreed" }) { opinions { id providerName version } } }`,
      { c: MARIA, d: inDays(-1) },
    );
    const o = added.addOpinion.opinions.find((x) => x.providerName === 'Dr. Live Haddad')!;
    const seen = await patientLive.waitFor(kind('OPINION_CHANGED'), 5000, mark);
    expect(seen.data?.caseEvents).toMatchObject({
      entityId: o.id,
      staffOnly: false,
      actor: { id: DEMO.users.harborAdvocate },
      opinion: { providerName: 'Dr. Live Haddad', diagnosis: 'Benign nodule', staffNotes: null },
    });
    expect((await staffLive.waitFor(kind('OPINION_CHANGED'))).data?.caseEvents.opinion?.staffNotes).toBe('SECRET-OPINION: second reader disagreed');

    await advocate.ok(`mutation($id: ID!, $v: Int!) { updateOpinion(input: { id: $id, expectedVersion: $v, staffNotes: "SECRET-OPINION-EDIT" }) { id } }`, { id: o.id, v: o.version });
    await advocate.ok(`mutation($id: ID!, $v: Int!) { updateOpinion(input: { id: $id, expectedVersion: $v, diagnosis: "Benign nodule, no change" }) { id } }`, { id: o.id, v: o.version + 1 });
    await staffLive.waitFor((m) => m.data?.caseEvents.opinion?.staffNotes === 'SECRET-OPINION-EDIT' && m.data.caseEvents.staffOnly);
    const edited = await patientLive.waitFor((m) => m.data?.caseEvents.opinion?.diagnosis === 'Benign nodule, no change', 5000, mark);
    expect(edited.data?.caseEvents.opinion?.staffNotes).toBeNull();
    expect(patientLive.messages.slice(mark).map((m) => m.data?.caseEvents.kind)).toEqual(['OPINION_CHANGED', 'OPINION_CHANGED']);
    expect(JSON.stringify(patientLive.messages)).not.toMatch(/SECRET-|"staffOnly":true/);
  });

  it('provider candidates, the doctor script, insurance and the patient’s own timeline are live too; a rolled-back write sends nothing', async () => {
    const advocate = await signInAt(urlA, 'advocate@harbor.example');
    const patient = await signInAt(urlB, 'patient@harbor.example');
    const staffLive = await listen(urlA, advocate);
    const patientLive = await listen(urlB, patient);
    const mark = patientLive.messages.length;

    const list = await advocate.ok<{ addProviderCandidate: { providerCandidates: { id: string; name: string; version: number }[] } }>(
      `mutation($c: ID!) { addProviderCandidate(input: { caseId: $c, name: "Dr. Live Chen", specialty: "Endocrinology", staffNotes: "SECRET-CANDIDATE" }) { providerCandidates { id name version } } }`,
      { c: MARIA },
    );
    const cand = list.addProviderCandidate.providerCandidates.find((c) => c.name === 'Dr. Live Chen')!;
    await advocate.ok(`mutation($id: ID!, $v: Int!) { updateProviderCandidate(input: { id: $id, expectedVersion: $v, staffNotes: "SECRET-CANDIDATE-EDIT" }) { id } }`, {
      id: cand.id,
      v: cand.version,
    });
    await patient.ok(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "Close to home and sees thyroid cases" }) { id } }`, { id: cand.id });
    const chosen = await staffLive.waitFor((m) => kind('PROVIDER_CHANGED')(m) && m.data?.caseEvents.actor?.id === DEMO.users.harborPatient);
    expect(chosen.data?.caseEvents.entityId).toBe(cand.id);

    await patient.ok(`mutation($c: ID!, $d: String!) { addOwnTimelineEntry(input: { caseId: $c, occurredOn: $d, kind: SYMPTOM, what: "Tired after lunch", severity: MILD }) { id } }`, {
      c: MARIA,
      d: inDays(-2),
    });
    await staffLive.waitFor(kind('OWN_TIMELINE_CHANGED'));

    // Refused input rolls back: no event, no feed line.
    const bad = await patient.gql(`mutation($c: ID!) { addCaseQuestion(input: { caseId: $c, text: "   " }) { id } }`, { c: MARIA });
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');

    await patient.ok(
      `mutation($c: ID!) { saveCaseDoctorScript(input: { caseId: $c, sourceKey: "rushed-second-opinion", purpose: SECOND_OPINION, situation: RUSHED_DOCTOR, body: "Could you send my records to a second doctor?" }) { id } }`,
      { c: MARIA },
    );
    await staffLive.waitFor(kind('DOCTOR_SCRIPT_CHANGED'));

    await advocate.ok(`mutation($c: ID!) { saveInsurancePlan(input: { caseId: $c, payer: "Harbor Health Plan", planType: COMMERCIAL }) { id } }`, { c: MARIA });
    await patientLive.waitFor(kind('INSURANCE_CHANGED'), 5000, mark);
    // Added and chosen reach the patient; the staff-notes-only edit and the refused question do not.
    const kinds = patientLive.messages
      .slice(mark)
      .map((m) => m.data?.caseEvents.kind)
      .filter((k) => !k?.startsWith('PACKET_ITEM_'));
    expect(kinds).toEqual(['PROVIDER_CHANGED', 'PROVIDER_CHANGED', 'OWN_TIMELINE_CHANGED', 'DOCTOR_SCRIPT_CHANGED', 'INSURANCE_CHANGED']);
    expect(JSON.stringify(patientLive.messages)).not.toMatch(/SECRET-|"staffOnly":true/);
  });
});
