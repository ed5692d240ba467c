import { Clock } from '@second-look/server-platform';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

type Timeline = {
  startOn: string;
  targetEndOn: string;
  totalDays: number;
  withinUsualRange: boolean;
  projectedEndOn: string;
  daysBehindPlan: number;
  currentPhase: string | null;
  latePhase: string | null;
  today: string;
  phases: { phase: string; plannedTargetOn: string; dueOn: string; completedOn: string | null; status: string; daysLate: number; adjustmentReason: string | null }[];
};
const TIMELINE = `query($id: ID!) { case(id: $id) { timeline { startOn targetEndOn totalDays withinUsualRange projectedEndOn daysBehindPlan currentPhase latePhase today phases { phase plannedTargetOn dueOn completedOn status daysLate adjustmentReason } } } }`;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

describe('case timeline: the plan of phases against what happened', () => {
  let s: TestStack;
  let advocate: GqlClient;
  beforeAll(async () => {
    s = await startTestStack('timeline');
    advocate = await s.signIn('advocate@harbor.example');
  });
  afterAll(() => s?.close());

  const timeline = async (c: GqlClient, id: string) => (await c.ok<{ case: { timeline: Timeline } }>(TIMELINE, { id })).case.timeline;

  it('plans a routine case in 8 weeks and an urgent one in 4, starting the day it opens', async () => {
    const open = async (urgency: string) =>
      (
        await advocate.ok<{ createCase: { id: string } }>(
          `mutation($u: Urgency!) { createCase(input: { patientName: "T", question: "Q", diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: $u }) { id } }`,
          { u: urgency },
        )
      ).createCase.id;
    const routine = await timeline(advocate, await open('ROUTINE'));
    expect(routine.startOn).toBe(routine.today);
    expect(routine.phases.map((p) => [p.phase, p.plannedTargetOn])).toEqual([
      ['RECORDS', addDays(routine.startOn, 14)],
      ['APPOINTMENT', addDays(routine.startOn, 42)],
      ['FOLLOW_UP', addDays(routine.startOn, 56)],
    ]);
    expect(routine).toMatchObject({ totalDays: 56, withinUsualRange: true, currentPhase: 'RECORDS', latePhase: null });
    const urgent = await timeline(advocate, await open('URGENT'));
    expect(urgent.totalDays).toBe(28);
  });

  it('reads the demo cases against their history: a closed case is done, a slow one is late', async () => {
    const eleanor = await timeline(advocate, DEMO.cases.eleanor);
    expect(eleanor.phases.every((p) => p.completedOn)).toBe(true);
    expect(eleanor.currentPhase).toBeNull();
    const david = await timeline(advocate, DEMO.cases.david); // 24 days in, still choosing a provider
    expect(david.latePhase).toBe('RECORDS');
    expect(david.daysBehindPlan).toBeGreaterThan(0);
    expect(david.projectedEndOn > david.targetEndOn).toBe(true);
  });

  it('lets staff move a target with a reason, refuses a past date or no reason, and shows the patient the same plan', async () => {
    const before = await timeline(advocate, DEMO.cases.maria);
    const target = addDays(before.today, 20);
    const noReason = await advocate.gql(`mutation($d: String!) { adjustCaseTimeline(input: { caseId: "${DEMO.cases.maria}", phase: RECORDS, targetOn: $d, reason: " " }) { id } }`, { d: target });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'reason' } });
    const past = await advocate.gql(`mutation($d: String!) { adjustCaseTimeline(input: { caseId: "${DEMO.cases.maria}", phase: RECORDS, targetOn: $d, reason: "x" }) { id } }`, {
      d: addDays(before.today, -1),
    });
    expect(past.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    await advocate.ok(
      `mutation($d: String!) { adjustCaseTimeline(input: { caseId: "${DEMO.cases.maria}", phase: RECORDS, targetOn: $d, reason: "Slides come by courier from another state" }) { id } }`,
      { d: target },
    );
    const patient = await s.signIn('patient@harbor.example');
    const after = await timeline(patient, DEMO.cases.maria);
    expect(after.phases[0]).toMatchObject({ plannedTargetOn: target, adjustmentReason: 'Slides come by courier from another state' });
    const refused = await patient.gql(`mutation($d: String!) { adjustCaseTimeline(input: { caseId: "${DEMO.cases.maria}", phase: RECORDS, targetOn: $d, reason: "x" }) { id } }`, { d: target });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('moves with the injectable clock: two weeks later an untouched routine case is late on records', async () => {
    const id = (
      await advocate.ok<{ createCase: { id: string } }>(
        `mutation { createCase(input: { patientName: "Clock", question: "Q", diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: ROUTINE }) { id } }`,
      )
    ).createCase.id;
    s.app.get(Clock).advance(16 * 86400000);
    try {
      const t = await timeline(advocate, id);
      expect(t).toMatchObject({ latePhase: 'RECORDS', currentPhase: 'RECORDS' });
      expect(t.phases[0].daysLate).toBeGreaterThanOrEqual(1);
    } finally {
      s.app.get(Clock).advance(-16 * 86400000);
    }
  });

  it('records every stage move in the history', async () => {
    await advocate.ok(`mutation { moveCaseStage(input: { caseId: "${DEMO.cases.grace}", to: TALK_TO_DOCTOR }) { id } }`).catch(() => undefined);
    const rows = await s.ds.query(`SELECT from_stage, to_stage FROM case_stage_change WHERE case_id = $1 ORDER BY at`, [DEMO.cases.grace]);
    expect(rows[0]).toEqual({ from_stage: null, to_stage: 'DECIDE' });
  });
});
