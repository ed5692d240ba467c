import { PacketItemKind } from '@second-look/domain';
import { PacketItem, RecordHolder, RecordRequest, RecordRequestItem, RequestMethod } from '@second-look/server-records';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';
import { pdfText } from '../../../libs/server/records/src/letter/pdf-text.testing';

async function get(s: TestStack, who: GqlClient | null, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${s.url}${path}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('record request letter as a PDF', () => {
  let s: TestStack;
  let requestId: string;
  let editedRequestId: string;
  const letterPath = (id: string): string => `/api/record-requests/${id}/letter.pdf`;

  beforeAll(async () => {
    s = await startTestStack('request_letter');
    await s.ds.transaction(async (m) => {
      const holder = await m.save(
        m.create(RecordHolder, { organizationId: DEMO.orgs.harbor, name: 'Lakeside Medical Center', department: 'Health Information Management', address: '100 Shore Road\nChicago, IL 60601' }),
      );
      const items = await m.save([
        m.create(PacketItem, { organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.maria, kind: PacketItemKind.CLINIC_NOTES, title: 'Breast surgery consult' }),
        m.create(PacketItem, { organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.maria, kind: PacketItemKind.PATHOLOGY_SLIDES, title: '' }),
      ]);
      const base = {
        organizationId: DEMO.orgs.harbor,
        caseId: DEMO.cases.maria,
        holderId: holder.id,
        method: RequestMethod.FAX,
        sentOn: '2026-11-02',
        planTargetOn: '2026-11-09',
        legalDueOn: '2026-12-02',
        originalLegalDueOn: '2026-12-02',
        createdById: DEMO.users.harborAdvocate,
      };
      const drafted = await m.save(m.create(RecordRequest, { ...base, letter: '' }));
      const edited = await m.save(m.create(RecordRequest, { ...base, letter: 'To the records office,\n\nPlease send my imaging on a disc.\nThank you,\n\nMaria Lopez' }));
      await m.save(items.map((i) => m.create(RecordRequestItem, { requestId: drafted.id, packetItemId: i.id })));
      requestId = drafted.id;
      editedRequestId = edited.id;
    });
  });
  afterAll(() => s?.close());

  it('drafts the letter from the case for staff: the patient, the holder, the items, the advocate', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const r = await get(s, advocate, letterPath(requestId));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="records-request-lakeside-medical-center-2026-11-02\.pdf"/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(r.bytes);
    expect(text).toContain('Request for copies of my medical records: Maria Lopez');
    expect(text).toContain('November 2, 2026');
    expect(text).toContain('Lakeside Medical Center');
    expect(text).toContain('Patient: Maria Lopez');
    expect(text).toMatch(/Pathology slides/);
    expect(text).toMatch(/Clinic and visit notes/);
    expect(text).toContain('Sam Rivera at Harbor Patient Advocates');
    expect(text).toContain('patient@harbor.example');
    expect((await PDFDocument.load(r.bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
    const audit = await s.ds.query(`SELECT actor_user_id, case_id FROM audit_event WHERE action = 'record_request.letter_download' AND entity_id = $1`, [requestId]);
    expect(audit).toEqual([{ actor_user_id: DEMO.users.harborAdvocate, case_id: DEMO.cases.maria }]);
  });

  it('gives the patient their own letter, and prints the saved text when the request has one', async () => {
    const patient = await s.signIn('patient@harbor.example');
    const r = await get(s, patient, letterPath(requestId));
    expect(r.status).toBe(200);
    expect(await pdfText(r.bytes)).toContain('Maria Lopez');
    const edited = await pdfText((await get(s, patient, letterPath(editedRequestId))).bytes);
    expect(edited).toContain('Please send my imaging on a disc.');
    expect(edited).not.toContain('Request for copies of my medical records');
  });

  it('answers another patient and another organization exactly as for a request that does not exist', async () => {
    const david = await s.signIn('patient2@harbor.example');
    const northstar = await s.signIn('admin@northstar.example');
    const missing = await get(s, david, letterPath(randomUUID()));
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString())).toEqual({ error: { code: 'NOT_FOUND', message: 'Record request not found' } });
    for (const who of [david, northstar]) {
      const r = await get(s, who, letterPath(requestId));
      expect(r.status).toBe(404);
      expect(r.bytes.equals(missing.bytes)).toBe(true);
    }
    expect((await get(s, david, letterPath('nope'))).bytes.equals(missing.bytes)).toBe(true);
    const signedOut = await get(s, null, letterPath(requestId));
    expect(signedOut.status).toBe(401);
    expect(JSON.parse(signedOut.bytes.toString())).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    const audited = await s.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'record_request.letter_download'`);
    expect(audited[0].n).toBe(3);
  });
});
