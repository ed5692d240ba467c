import { GqlClient, startTestStack, TestStack } from './support/test-stack';

// A case's coverage hints, against the real API: the insurance check and the opinion advice read
// them from one place, so a Medicare patient whose two opinions were compared as differing hears
// of the covered third opinion in both panels (issue 25, part 1).
// Days in Harbor's time zone, as the API reads "today" (a UTC day is already tomorrow there each evening).
const isoDay = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date(Date.now() + offset * 86_400_000));

type View = { insuranceCheck: { coverageHints: string[] }; opinionAdvice: { thirdOpinionSuggested: boolean; coverageHints: string[] } };
const VIEW = `query($id: ID!) { case(id: $id) { insuranceCheck { coverageHints } opinionAdvice { thirdOpinionSuggested coverageHints } } }`;

describe('coverage hints: the insurance check and the opinion advice agree', () => {
  let s: TestStack;
  let advocate: GqlClient;
  const view = async (id: string) => (await advocate.ok<{ case: View }>(VIEW, { id })).case;

  /** A new case with a plan, two opinions and, when given, their comparison. */
  async function caseWith(planType: string, surgery: boolean, outcome: 'AGREE' | 'DIFFER' | 'STRONGLY_CONFLICT' | null): Promise<string> {
    const trigger = surgery ? 'RISKY_TREATMENT' : 'UNCERTAIN_DIAGNOSIS';
    const { createCase } = await advocate.ok<{ createCase: { id: string } }>(
      `mutation($t: [CaseTrigger!]!) { createCase(input: { patientName: "Lupus Story", question: "Is it really just anxiety?", diagnosisInDoubt: "Anxiety (joint swelling, fevers, weight loss)", triggers: $t, urgency: ROUTINE }) { id } }`,
      { t: [trigger] },
    );
    const id = createCase.id;
    await advocate.ok(`mutation($id: ID!, $p: InsurancePlanType!) { saveInsurancePlan(input: { caseId: $id, payer: "Plan", planType: $p }) { id } }`, { id, p: planType });
    for (const [provider, diagnosis] of [
      ['Dr. Current (primary care)', 'Anxiety'],
      ['Dr. Rheumatologist', 'Systemic lupus erythematosus'],
    ]) {
      await advocate.ok(`mutation($input: AddOpinionInput!) { addOpinion(input: $input) { id } }`, {
        input: { caseId: id, providerName: provider, givenOn: isoDay(-1), diagnosis, recommendedPlan: 'See the report', urgency: 'ROUTINE', reasoning: 'Blood tests and the history' },
      });
    }
    if (outcome) await advocate.ok(`mutation($id: ID!, $o: OpinionComparisonOutcome!) { compareOpinions(input: { caseId: $id, outcome: $o }) { id } }`, { id, o: outcome });
    return id;
  }

  beforeAll(async () => {
    s = await startTestStack('coverage_hints');
    advocate = await s.signIn('advocate@harbor.example');
  });
  afterAll(() => s?.close());

  it.each([
    // plan, surgery proposed, comparison → the insurance check's hints, the advice's hints
    ['MEDICARE', false, 'DIFFER', ['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER'], ['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER']],
    ['MEDICARE', false, 'STRONGLY_CONFLICT', ['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER'], ['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER']],
    ['MEDICARE', true, 'DIFFER', ['MEDICARE_SECOND_OPINION_BEFORE_SURGERY', 'MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER'], ['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER']],
    ['MEDICARE', false, 'AGREE', ['PLAN_RULES_VARY'], []],
    ['MEDICARE', true, 'AGREE', ['MEDICARE_SECOND_OPINION_BEFORE_SURGERY'], []],
    ['MEDICARE', false, null, ['PLAN_RULES_VARY'], []],
    ['MEDICARE_ADVANTAGE', false, 'DIFFER', ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL'], ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL']],
    ['MEDICARE_ADVANTAGE', true, 'DIFFER', ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL'], ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL']],
    ['MEDICARE_ADVANTAGE', true, 'AGREE', ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL'], []],
    ['MEDICARE_ADVANTAGE', false, 'AGREE', ['MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL'], []],
  ] as const)('%s, surgery proposed: %s, opinions compared as %s', async (plan, surgery, outcome, check, advice) => {
    const v = await view(await caseWith(plan, surgery, outcome));
    expect(v.insuranceCheck.coverageHints).toEqual(check);
    expect(v.opinionAdvice.coverageHints).toEqual(advice);
    expect(v.opinionAdvice.thirdOpinionSuggested).toBe(outcome === 'DIFFER' || outcome === 'STRONGLY_CONFLICT');
  });

  it('follows the comparison when it changes, and keeps the hint once a third opinion is in', async () => {
    const id = await caseWith('MEDICARE', false, 'AGREE');
    const version = async () =>
      (await advocate.ok<{ case: { opinionComparison: { version: number } } }>(`query($id: ID!) { case(id: $id) { opinionComparison { version } } }`, { id })).case.opinionComparison.version;
    await advocate.ok(`mutation($id: ID!, $v: Int!) { compareOpinions(input: { caseId: $id, outcome: DIFFER, expectedVersion: $v }) { id } }`, { id, v: await version() });
    expect((await view(id)).insuranceCheck.coverageHints).toEqual(['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER']);
    // The third opinion is what Medicare paid for: the insurance check still says why.
    await advocate.ok(`mutation($input: AddOpinionInput!) { addOpinion(input: $input) { id } }`, {
      input: {
        caseId: id,
        providerName: 'Dr. Third',
        givenOn: isoDay(0),
        diagnosis: 'Systemic lupus erythematosus',
        recommendedPlan: 'Treat',
        urgency: 'ROUTINE',
        reasoning: 'Agrees with the rheumatologist',
      },
    });
    await advocate.ok(`mutation($id: ID!) { compareOpinions(input: { caseId: $id, outcome: AGREE }) { id } }`, { id });
    const v = await view(id);
    expect(v.insuranceCheck.coverageHints).toEqual(['MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER']);
    expect(v.opinionAdvice).toEqual({ thirdOpinionSuggested: false, coverageHints: [] });
  });

  it('reads only the caller’s organization: another organization’s case is not found', async () => {
    const id = await caseWith('MEDICARE', false, 'DIFFER');
    const stranger = await s.signIn('admin@northstar.example');
    expect((await stranger.gql(VIEW, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
