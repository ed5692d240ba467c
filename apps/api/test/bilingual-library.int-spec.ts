import { seedDemoRecords } from '../src/seed/demo-records';
import { DEMO } from '../src/seed/demo-seed';
import { DEMO_SPANISH, seedDemoSpanish } from '../src/seed/demo-spanish';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';
import { pdfText } from '../../../libs/server/records/src/letter/pdf-text.testing';

const MARIA = DEMO.cases.maria;
const LIBRARY = `query($language: Language) { doctorScriptLibrary(language: $language) { key language title body } }`;
const QUESTIONS = `query($language: Language) { suggestedQuestions(language: $language) { starter language text } }`;
const STAGES = `query($language: Language) { stageGuide(language: $language) { stage language name explanation tip } }`;

type Script = { key: string; language: string; title: string; body: string };

describe('the patient-facing library and the letters, in the reader’s language', () => {
  let s: TestStack;
  let patient: GqlClient;
  let advocate: GqlClient;

  /** An operation as a browser with this Accept-Language would send it. */
  const asBrowser = async <T>(c: GqlClient, acceptLanguage: string, query: string, variables: Record<string, unknown> = {}) =>
    (await c.raw({ query, variables }, { 'accept-language': acceptLanguage })).json as { data?: T; errors?: { extensions?: { code?: string } }[] };

  beforeAll(async () => {
    s = await startTestStack('bilingual-library');
    [patient, advocate] = await Promise.all([s.signIn('patient@harbor.example'), s.signIn('advocate@harbor.example')]);
  });
  afterAll(() => s?.close());

  it('before a person chooses, the browser’s Accept-Language decides', async () => {
    await s.ds.query(`UPDATE app_user SET language = NULL WHERE email = 'patient@harbor.example'`);
    const es = await asBrowser<{ doctorScriptLibrary: Script[] }>(patient, 'es-MX,es;q=0.9,en;q=0.5', LIBRARY);
    expect(es.data!.doctorScriptLibrary).toHaveLength(8);
    expect(es.data!.doctorScriptLibrary[0]).toMatchObject({ key: 'good-relationship-second-opinion', language: 'es', title: 'Pedir una segunda opinión a un médico de confianza' });
    const en = await asBrowser<{ doctorScriptLibrary: Script[] }>(patient, 'en-US', LIBRARY);
    expect(en.data!.doctorScriptLibrary[0]).toMatchObject({ language: 'en', title: 'A second opinion, with a doctor you trust' });
  });

  it('the stored language wins over the browser; a script can still be asked for in the doctor’s language', async () => {
    await s.ds.query(`UPDATE app_user SET language = 'es' WHERE email = 'patient@harbor.example'`);
    const mine = await asBrowser<{ doctorScriptLibrary: Script[] }>(patient, 'en-US', LIBRARY);
    expect(mine.data!.doctorScriptLibrary.every((x) => x.language === 'es')).toBe(true);
    expect(mine.data!.doctorScriptLibrary.find((x) => x.key === 'insurance-referral')!.body).toContain('remisión');
    const forTheDoctor = await asBrowser<{ doctorScriptLibrary: Script[] }>(patient, 'es', LIBRARY, { language: 'en' });
    expect(forTheDoctor.data!.doctorScriptLibrary.find((x) => x.key === 'insurance-referral')).toMatchObject({ language: 'en', title: 'A referral my insurance needs' });
  });

  it('suggested questions and the stage guide come in the reader’s language', async () => {
    const q = await patient.ok<{ suggestedQuestions: { starter: string; language: string; text: string }[] }>(QUESTIONS);
    expect(q.suggestedQuestions[0]).toEqual({ starter: 'AGREE_WITH_DIAGNOSIS', language: 'es', text: '¿Está de acuerdo con el diagnóstico? Si no, ¿qué le hace verlo de otra manera?' });
    const g = await patient.ok<{ stageGuide: { stage: string; name: string; tip: string }[] }>(STAGES);
    expect(g.stageGuide.map((x) => x.stage)[0]).toBe('DECIDE');
    expect(g.stageGuide.find((x) => x.stage === 'GATHER_RECORDS')!.name).toBe('Reunir el expediente médico');
    const en = await patient.ok<{ stageGuide: { stage: string; name: string }[] }>(STAGES, { language: 'en' });
    expect(en.stageGuide.find((x) => x.stage === 'GATHER_RECORDS')!.name).toBe('Gather records');
  });

  it('a language the product does not speak is a clear GraphQL error with a code, not a 500', async () => {
    const r = await patient.gql(LIBRARY, { language: 'fr' });
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const signedOut = await s.client().gql(LIBRARY);
    expect(signedOut.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a request made with Spanish letters prints its letter in Spanish, with the patient’s name and the law intact', async () => {
    const holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Lakeview Hospital HIM" }) { id } }`)).createRecordHolder.id;
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: IMAGING_DISC }) { id } }`)).addPacketItem;
    const created = await advocate.ok<{ createRecordRequest: { id: string; letterLanguage: string } }>(
      `mutation($h: ID!, $i: ID!) { createRecordRequest(input: { caseId: "${MARIA}", holderId: $h, packetItemIds: [$i], method: FAX, sentOn: "2026-11-02", letterLanguage: es }) { id letterLanguage } }`,
      { h: holderId, i: item.id },
    );
    expect(created.createRecordRequest.letterLanguage).toBe('es');
    const res = await fetch(`${s.url}/api/record-requests/${created.createRecordRequest.id}/letter.pdf`, { headers: { cookie: advocate.cookie! } });
    expect(res.status).toBe(200);
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    const [{ patient_name }] = await s.ds.query(`SELECT patient_name FROM patient_case WHERE id = $1`, [MARIA]);
    expect(text).toContain(`Solicitud de copias de mi expediente médico: ${patient_name}`);
    expect(text).toContain('derecho de acceso según la ley HIPAA');
    expect(text).toContain('2 de noviembre de 2026');
    expect(text).toContain('Estudios de imagen: las imágenes mismas en formato DICOM');
    expect(text).not.toMatch(/Dear records team|Sincerely/);

    // Without a choice, English, as before.
    const item2 = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: LABS }) { id } }`)).addPacketItem;
    const plain = await advocate.ok<{ createRecordRequest: { letterLanguage: string } }>(
      `mutation($h: ID!, $i: ID!) { createRecordRequest(input: { caseId: "${MARIA}", holderId: $h, packetItemIds: [$i], method: FAX, sentOn: "2026-11-02" }) { letterLanguage } }`,
      { h: holderId, i: item2.id },
    );
    expect(plain.createRecordRequest.letterLanguage).toBe('en');
  });

  it('staff change a request’s letter language afterwards (versioned, audited); the next letter is in it', async () => {
    const holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Mercy Records Office" }) { id } }`)).createRecordHolder.id;
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: PATHOLOGY_REPORT }) { id } }`)).addPacketItem;
    const made = (
      await advocate.ok<{ createRecordRequest: { id: string; version: number; letter: string } }>(
        `mutation($h: ID!, $i: ID!) { createRecordRequest(input: { caseId: "${MARIA}", holderId: $h, packetItemIds: [$i], method: FAX, sentOn: "2026-11-02", letter: "Dear records team, please send my records." }) { id version letter } }`,
        { h: holderId, i: item.id },
      )
    ).createRecordRequest;
    const SET = `mutation($id: ID!, $v: Int!, $l: Language!) { setRecordRequestLetterLanguage(input: { requestId: $id, expectedVersion: $v, letterLanguage: $l }) { letterLanguage letter version } }`;
    const letterText = async (id: string) => {
      const res = await fetch(`${s.url}/api/record-requests/${id}/letter.pdf`, { headers: { cookie: advocate.cookie! } });
      expect(res.status).toBe(200);
      return (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    };
    expect(await letterText(made.id)).toContain('Dear records team');

    // The patient may edit her case, but the letters' language is staff's to choose.
    const refused = await patient.gql(SET, { id: made.id, v: made.version, l: 'es' });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const changed = (await advocate.ok<{ setRecordRequestLetterLanguage: { letterLanguage: string; letter: string; version: number } }>(SET, { id: made.id, v: made.version, l: 'es' }))
      .setRecordRequestLetterLanguage;
    // The English letter saved with the request cannot be translated: the next one is a fresh draft in
    // Spanish, and the English one is set aside, not lost.
    expect(changed).toMatchObject({ letterLanguage: 'es', letter: '' });
    expect(changed.version).toBeGreaterThan(made.version);
    const text = await letterText(made.id);
    expect(text).toContain('Solicitud de copias de mi expediente médico');
    expect(text).toContain('derecho de acceso según la ley HIPAA');
    expect(text).not.toContain('Dear records team');

    // A save from the version before is refused with what is saved now, not written over it.
    const stale = await advocate.gql(SET, { id: made.id, v: made.version, l: 'en' });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: changed.version, current: { letterLanguage: 'es' } } });

    const audits = await s.ds.query(`SELECT detail FROM audit_event WHERE action = 'record_request.letter_language' AND entity_id = $1 ORDER BY id`, [made.id]);
    expect(audits[0].detail).toMatchObject({ from: 'en', to: 'es', letterRedrafted: true, letterSetAside: true, letterRestored: false });

    // Back to English: the letter as it was saved (and sent) comes back, word for word.
    const back = (await advocate.ok<{ setRecordRequestLetterLanguage: { letterLanguage: string; letter: string; version: number } }>(SET, { id: made.id, v: changed.version, l: 'en' }))
      .setRecordRequestLetterLanguage;
    expect(back).toMatchObject({ letterLanguage: 'en', letter: 'Dear records team, please send my records.' });
    expect(await letterText(made.id)).toContain('Dear records team, please send my records.');
    const [, restored] = await s.ds.query(`SELECT detail FROM audit_event WHERE action = 'record_request.letter_language' AND entity_id = $1 ORDER BY id`, [made.id]);
    expect(restored.detail).toMatchObject({ from: 'es', to: 'en', letterRedrafted: false, letterSetAside: false, letterRestored: true });
  });

  it('the demo’s Spanish-speaking patient reads her case in Spanish: open requests (one letter in Spanish), a booked visit, suggested questions', async () => {
    await seedDemoRecords(s.ds);
    await seedDemoSpanish(s.ds);
    await seedDemoSpanish(s.ds); // idempotent, like the rest of the seed
    const rosa = await s.signIn(DEMO_SPANISH.email);
    const mine = await rosa.ok<{ cases: { nodes: { id: string; patientName: string }[] } }>(`{ cases { nodes { id patientName } } }`);
    expect(mine.cases.nodes).toEqual([{ id: DEMO_SPANISH.case, patientName: 'Rosa Martínez' }]);
    const [row] = await s.ds.query(`SELECT u.language, c.preferred_language FROM app_user u, patient_case c WHERE u.id = $1 AND c.id = $2`, [DEMO_SPANISH.user, DEMO_SPANISH.case]);
    expect(row).toEqual({ language: 'es', preferred_language: 'es' });
    const kase = await rosa.ok<{ case: { recordRequests: { letterLanguage: string; completedOn: string | null }[]; appointments: { startsAt: string }[]; questions: { starter: string | null }[] } }>(
      `query($id: ID!) { case(id: $id) { recordRequests { letterLanguage completedOn } appointments { startsAt } questions { starter } } }`,
      { id: DEMO_SPANISH.case },
    );
    expect(kase.case.recordRequests.map((r) => r.letterLanguage).sort()).toEqual(['en', 'es']);
    expect(kase.case.recordRequests.every((r) => r.completedOn === null)).toBe(true);
    expect(kase.case.appointments).toHaveLength(1);
    expect(new Date(kase.case.appointments[0].startsAt).getTime()).toBeGreaterThan(Date.now());
    expect(kase.case.questions.filter((q) => q.starter)).toHaveLength(2);
    const lib = await rosa.ok<{ suggestedQuestions: { language: string }[] }>(`{ suggestedQuestions { language } }`);
    expect(lib.suggestedQuestions[0].language).toBe('es');
  });
});
