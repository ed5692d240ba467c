import { addDays, CalendarDate, formatLetterDate, PacketItemKind, PacketItemState, todayInZone } from '@second-look/domain';
import { PacketItem, RecordHolder, RecordRequest, RecordRequestItem, RequestMethod } from '@second-look/server-records';
import { Clock } from '@second-look/server-platform';
import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';
import { pageTexts, pdfText } from '../../../libs/server/records/src/letter/pdf-text.testing';

async function get(s: TestStack, who: GqlClient | null, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${s.url}${path}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
/** The PDF's text with its line wrapping undone. */
const flatText = async (bytes: Buffer): Promise<string> => (await pdfText(bytes)).replace(/\s+/g, ' ');
const json = (bytes: Buffer): { error: { code: string; message: string; details?: Record<string, unknown> } } => JSON.parse(bytes.toString());
const followUpPath = (id: string): string => `/api/record-requests/${id}/follow-up-letter.pdf`;

/**
 * The follow-up letter (issue 4): only for an open request past its legal response date, as
 * "today" reads in the organization's time zone (Harbor: America/Chicago), with the same
 * guarding and audit as the first letter.
 */
describe('follow-up letter for a record request past its legal date', () => {
  let s: TestStack;
  let today: CalendarDate;
  const ids = { overdue: '', extended: '', notYet: '', dueToday: '', complete: '' };
  const sentOverdue = (): CalendarDate => addDays(today, -45);

  beforeAll(async () => {
    s = await startTestStack('follow_up_letter');
    today = todayInZone(s.app.get(Clock).now(), 'America/Chicago');
    await s.ds.transaction(async (m) => {
      const holder = await m.save(
        m.create(RecordHolder, { organizationId: DEMO.orgs.harbor, name: 'Lakeside Medical Center', department: 'Health Information Management', address: '100 Shore Road\nChicago, IL 60601' }),
      );
      const item = (kind: PacketItemKind, title: string, state = PacketItemState.REQUESTED) =>
        m.save(m.create(PacketItem, { organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.maria, kind, title, state }));
      const request = async (sentOn: CalendarDate, legalDueOn: CalendarDate, extra: Partial<RecordRequest> = {}, items: PacketItem[] = []): Promise<string> => {
        const r = await m.save(
          m.create(RecordRequest, {
            organizationId: DEMO.orgs.harbor,
            caseId: DEMO.cases.maria,
            holderId: holder.id,
            method: RequestMethod.FAX,
            sentOn,
            planTargetOn: addDays(sentOn, 14),
            legalDueOn,
            originalLegalDueOn: legalDueOn,
            letter: 'The letter as it was sent.',
            createdById: DEMO.users.harborAdvocate,
            ...extra,
          }),
        );
        if (items.length) await m.save(items.map((i) => m.create(RecordRequestItem, { requestId: r.id, packetItemId: i.id })));
        return r.id;
      };
      const notes = await item(PacketItemKind.CLINIC_NOTES, 'Breast surgery consult');
      const labs = await item(PacketItemKind.LABS, 'Bloods before surgery', PacketItemState.RECEIVED);
      ids.overdue = await request(sentOverdue(), addDays(sentOverdue(), 30), {}, [notes, labs]);
      ids.extended = await request(
        addDays(today, -50),
        addDays(today, -2),
        { originalLegalDueOn: addDays(today, -20), extensionReason: 'Archive is off site', extensionRecordedOn: addDays(today, -25) },
        [await item(PacketItemKind.PROCEDURE_REPORT, 'Lumpectomy')],
      );
      ids.notYet = await request(addDays(today, -3), addDays(today, 27), {}, [await item(PacketItemKind.LABS, 'Recent labs')]);
      ids.dueToday = await request(addDays(today, -30), today, {}, [await item(PacketItemKind.LABS, 'Due-day labs')]);
      ids.complete = await request(sentOverdue(), addDays(sentOverdue(), 30), { completedOn: addDays(today, -1) }, [await item(PacketItemKind.LABS, 'Done labs', PacketItemState.RECEIVED)]);
    });
  });
  afterAll(() => s?.close());

  const audited = async (id: string): Promise<{ actor_user_id: string; case_id: string }[]> =>
    s.ds.query(`SELECT actor_user_id, case_id FROM audit_event WHERE action = 'record_request.follow_up_letter_download' AND entity_id = $1 ORDER BY at`, [id]);

  it('drafts the follow-up for staff: the date sent, the missed legal date, only what is still outstanding; audited', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const r = await get(s, advocate, followUpPath(ids.overdue));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="records-follow-up-lakeside-medical-center-${today}\\.pdf"`));
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await flatText(r.bytes);
    const sent = formatLetterDate(sentOverdue());
    expect(text).toContain(`Follow-up to my request of ${sent}`);
    expect(text).toContain(formatLetterDate(today));
    expect(text).toContain(`On ${sent}, I asked your office`);
    expect(text).toContain(`That date, ${formatLetterDate(addDays(sentOverdue(), 30))}, has now passed`);
    expect(text).toMatch(/Clinic and visit notes/);
    // Labs arrived: thanked for, not asked for again.
    expect(text).not.toMatch(/Laboratory test results/);
    expect(text).toContain('Thank you for what you have already sent.');
    expect(text).toContain('Sam Rivera');
    expect(text).toContain('Patient advocate, Harbor Patient Advocates');
    // A fresh draft, not the first letter's saved text.
    expect(text).not.toContain('The letter as it was sent.');
    // The signatures stay together, with the closing, whatever the page break.
    const signed = (await pageTexts(r.bytes)).filter((p) => p.includes('Patient advocate'));
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatch(/Sincerely,[\s\S]*Maria Lopez[\s\S]*Sam Rivera/);
    expect(await audited(ids.overdue)).toEqual([{ actor_user_id: DEMO.users.harborAdvocate, case_id: DEMO.cases.maria }]);
  });

  it('with a recorded extension, the extended date is the one that passed', async () => {
    const coordinator = await s.signIn('coordinator@harbor.example');
    const text = await flatText((await get(s, coordinator, followUpPath(ids.extended))).bytes);
    expect(text).toContain(`from ${formatLetterDate(addDays(today, -20))} to ${formatLetterDate(addDays(today, -2))}`);
    expect(text).toContain('Archive is off site.');
    expect(text).toContain('That extended date has now passed');
  });

  it('refuses with 409 NOT_OVERDUE before the date, on the due day itself, and once everything is in; nothing audited', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const notYet = await get(s, advocate, followUpPath(ids.notYet));
    expect(notYet.status).toBe(409);
    expect(notYet.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json(notYet.bytes)).toEqual({
      error: { code: 'NOT_OVERDUE', message: expect.stringContaining(`(${formatLetterDate(addDays(today, 27))}) has not passed yet`), details: { legalDueOn: addDays(today, 27), status: 'ON_TRACK' } },
    });
    const dueToday = await get(s, advocate, followUpPath(ids.dueToday));
    expect(dueToday.status).toBe(409);
    expect(json(dueToday.bytes).error.details).toEqual({ legalDueOn: today, status: 'AT_RISK' });
    const complete = await get(s, advocate, followUpPath(ids.complete));
    expect(complete.status).toBe(409);
    expect(json(complete.bytes).error).toMatchObject({ code: 'NOT_OVERDUE', message: expect.stringMatching(/nothing to follow up/), details: { status: 'DONE' } });
    for (const id of [ids.notYet, ids.dueToday, ids.complete]) expect(await audited(id)).toEqual([]);
  });

  it('the GraphQL legal clock the case page reads says OVERDUE exactly for the requests that have a follow-up letter', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    for (const [name, id] of Object.entries(ids)) {
      const r = await advocate.ok<{ recordRequest: { legal: { status: string } } }>(`query($id: ID!) { recordRequest(id: $id) { legal { status } } }`, { id });
      const letter = await get(s, advocate, followUpPath(id));
      expect({ name, overdue: r.recordRequest.legal.status === 'OVERDUE' }).toEqual({ name, overdue: letter.status === 200 });
    }
  });

  it('everyone who may read the case gets it, the patient and their caregiver included; the rest as for a request that does not exist', async () => {
    const readers = ['admin@harbor.example', 'advocate2@harbor.example', 'patient@harbor.example', 'caregiver@harbor.example'];
    for (const email of readers) {
      const r = await get(s, await s.signIn(email), followUpPath(ids.extended));
      expect({ email, status: r.status }).toEqual({ email, status: 200 });
    }
    const patientText = await flatText((await get(s, await s.signIn('patient@harbor.example'), followUpPath(ids.overdue))).bytes);
    expect(patientText).toContain('Maria Lopez');

    const david = await s.signIn('patient2@harbor.example');
    const northstar = await s.signIn('admin@northstar.example');
    const missing = await get(s, david, followUpPath(randomUUID()));
    expect(missing.status).toBe(404);
    expect(json(missing.bytes)).toEqual({ error: { code: 'NOT_FOUND', message: 'Record request not found' } });
    for (const who of [david, northstar]) {
      // Overdue or not: the answer never tells an outsider that the request exists, or how late it is.
      for (const id of [ids.overdue, ids.notYet]) {
        const r = await get(s, who, followUpPath(id));
        expect(r.status).toBe(404);
        expect(r.bytes.equals(missing.bytes)).toBe(true);
      }
    }
    expect((await get(s, northstar, followUpPath('not-a-uuid'))).bytes.equals(missing.bytes)).toBe(true);
    const signedOut = await get(s, null, followUpPath(ids.overdue));
    expect(signedOut.status).toBe(401);
    expect(json(signedOut.bytes)).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    // Only the downloads that were served are in the audit log (the advocate twice: the first test and the clock check).
    expect((await audited(ids.overdue)).map((a) => a.actor_user_id)).toEqual([DEMO.users.harborAdvocate, DEMO.users.harborAdvocate, DEMO.users.harborPatient]);
    expect((await audited(ids.extended)).map((a) => a.actor_user_id)).toEqual([
      DEMO.users.harborCoordinator,
      DEMO.users.harborAdvocate,
      DEMO.users.harborAdmin,
      DEMO.users.harborAdvocate2,
      DEMO.users.harborPatient,
      DEMO.users.harborCaregiver,
    ]);
  });
});
