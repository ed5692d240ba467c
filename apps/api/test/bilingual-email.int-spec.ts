import { QueueName } from '@second-look/contracts';
import { recipientLanguage, SendRecordRequestReminderJob } from '@second-look/server-notifications';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const MARIA = DEMO.cases.maria;
const ZONE = 'America/Chicago';
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + offset * 86400000));
const ACCEPT = `mutation($token: String!, $name: String!) { acceptInvitation(input: { token: $token, displayName: $name, password: "a-long-enough-password" }) { id } }`;

/** Every part of a message, links taken out (they are the same in any language). */
const words = (m: { subject: string; text: string; html: string }) => `${m.subject}\n${m.text}\n${m.html}`.replace(/https?:\/\/\S+/g, '').replace(/Second Look/g, '');
const NOT_SPANISH = /\b(Hello|the|your|you|is|and|needs)\b/;
const NOT_ENGLISH = /[áéíóúñ¿¡]|\b(Hola|su|sus|caso|una)\b/;

describe('e-mails in the recipient’s language, through the worker and a real SMTP listener', () => {
  let s: TestStack;
  let advocate: GqlClient;
  let holderId: string;
  let reminderJob: SendRecordRequestReminderJob;

  beforeAll(async () => {
    s = await startTestStack('bilingual-email', { worker: true });
    advocate = await s.signIn('advocate@harbor.example');
    holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "County Hospital HIM" }) { id } }`)).createRecordHolder.id;
    reminderJob = s.worker!.get(SendRecordRequestReminderJob);
  });
  afterAll(() => s?.close());

  const newRequest = async (sentOn: string): Promise<string> => {
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: LABS }) { id } }`)).addPacketItem;
    return (
      await advocate.ok<{ createRecordRequest: { id: string } }>(
        `mutation($h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: "${MARIA}", holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`,
        { h: holderId, i: item.id, d: sentOn },
      )
    ).createRecordRequest.id;
  };
  const reminder = async (requestId: string, kind: string) => {
    const rows: { payload: { requestId: string; kind: string; on: string } }[] = await s.ds.query(
      `SELECT payload FROM outbox_message WHERE queue = $1 AND action = 'add' AND payload->>'requestId' = $2`,
      [QueueName.REMINDERS, requestId],
    );
    const row = rows.find((r) => r.payload.kind === kind);
    if (!row) throw new Error(`no ${kind} reminder for ${requestId}`);
    return row.payload;
  };

  it('an invitation to a patient whose case prefers Spanish arrives in Spanish, before she ever signs in', async () => {
    const created = await advocate.ok<{ createCase: { id: string } }>(
      `mutation { createCase(input: { patientName: "Rosa Díaz", question: "¿Necesito cirugía?", diagnosisInDoubt: "Nódulo", triggers: [UNCERTAIN_DIAGNOSIS], urgency: ROUTINE }) { id } }`,
    );
    const caseId = created.createCase.id;
    // The case's preferred language (set on screen on the bilingual-web side; here straight in the column).
    await s.ds.query(`UPDATE patient_case SET preferred_language = 'es' WHERE id = $1`, [caseId]);
    await advocate.ok(`mutation($c: ID!) { invitePatient(input: { caseId: $c, email: "rosa@example.org" }) { id } }`, { c: caseId });

    const msg = await s.mail!.waitFor((m) => m.to.includes('rosa@example.org'), 15000);
    expect(msg.subject).toBe('Harbor Patient Advocates le invitó a Second Look');
    expect(msg.text).toMatch(/^Hola:/);
    expect(msg.text).toContain('Abra este enlace para crear su contraseña:');
    expect(msg.text).toMatch(/vence el \d{1,2} de [a-z]+ de \d{4}/);
    expect(msg.html).toContain('Crear mi contraseña y entrar');
    expect(words(msg)).not.toMatch(NOT_SPANISH);

    // She has not chosen a language: her e-mails follow her case's until she does.
    const token = msg.links.find((l) => l.includes('/invite/'))!.split('/invite/')[1];
    const patient = await s.client().ok<{ acceptInvitation: { id: string } }>(ACCEPT, { token, name: 'Rosa Díaz' });
    const rosa = patient.acceptInvitation.id;
    expect(await recipientLanguage(s.ds.manager, rosa, caseId)).toBe('es');
    // Her own choice wins over the case's.
    await s.ds.query(`UPDATE app_user SET language = 'en' WHERE id = $1`, [rosa]);
    expect(await recipientLanguage(s.ds.manager, rosa, caseId)).toBe('en');
    // Staff never inherit a case's language: an advocate without a choice reads English.
    expect(await recipientLanguage(s.ds.manager, DEMO.users.harborAdvocate, caseId)).toBe('en');
  });

  it('a staff invitation with no case is in English', async () => {
    const admin = await s.signIn('admin@harbor.example');
    await admin.ok(`mutation { inviteStaff(input: { email: "new.coordinator@example.org", role: COORDINATOR }) { id } }`);
    const msg = await s.mail!.waitFor((m) => m.to.includes('new.coordinator@example.org'), 15000);
    expect(msg.subject).toBe('Join Harbor Patient Advocates on Second Look');
    expect(words(msg)).not.toMatch(NOT_ENGLISH);
  });

  it('a reminder and an escalation go out in each recipient’s stored language: one e-mail each, never mixed', async () => {
    await s.ds.query(`UPDATE app_user SET language = 'es' WHERE id = $1`, [DEMO.users.harborAdvocate]);
    s.mail!.clear();
    const requestId = await newRequest(day(-3));
    expect(await reminderJob.run(await reminder(requestId, 'TARGET_SOON'))).toBe('sent');
    const soon = await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example'), 15000);
    expect(soon.subject).toBe('Una solicitud de expediente vence pronto');
    expect(soon.text).toContain('Abrir el caso en Second Look');
    // Its date (the plan target the notification carries), as a US Spanish reader writes it.
    expect(soon.text).toMatch(/\nFecha prevista: \d{1,2} de [a-z]+ de 20\d\d\n/);
    expect(words(soon)).not.toMatch(NOT_SPANISH);

    // Past the legal date: the advocate (Spanish) and the coordinator (no choice: English) each get their own.
    s.mail!.clear();
    expect(await reminderJob.run(await reminder(requestId, 'LEGAL_OVERDUE'))).toBe('sent');
    const toAdvocate = await s.mail!.waitFor((m) => m.to.includes('advocate@harbor.example'), 15000);
    const toCoordinator = await s.mail!.waitFor((m) => m.to.includes('coordinator@harbor.example'), 15000);
    expect(toAdvocate.subject).toBe('Una solicitud ya pasó su plazo legal');
    expect(toAdvocate.text).toContain('carta de seguimiento');
    expect(words(toAdvocate)).not.toMatch(NOT_SPANISH);
    expect(toCoordinator.subject).toBe('A record request is past its legal deadline');
    expect(words(toCoordinator)).not.toMatch(NOT_ENGLISH);
    expect(toAdvocate.to).not.toContain('coordinator@harbor.example');
  });
});
