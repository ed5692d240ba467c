import { PacketItemKind } from '@second-look/domain';
import { CaseDocument, DocumentService, PacketItem } from '@second-look/server-records';
import { GqlContext } from '@second-look/server-platform';
import { createHash, randomUUID } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { existsSync, readdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { DEMO } from '../src/seed/demo-seed';
import { startS3Server, S3TestServer } from './support/s3-server';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const CSRF = { 'x-second-look-csrf': '1' };

interface Reply {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json: () => unknown;
}

/** A browser-like REST call with the caller's session cookie (or none). */
async function call(s: TestStack, who: GqlClient | null, method: string, path: string, init: { body?: FormData; headers?: Record<string, string> } = {}): Promise<Reply> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { ...(who?.cookie ? { cookie: who.cookie } : {}), ...init.headers },
    body: init.body,
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

const form = (bytes: Buffer, name: string, type: string, field = 'file'): FormData => {
  const f = new FormData();
  f.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
  return f;
};

const pdfBytes = (size: number): Buffer => {
  const head = Buffer.from('%PDF-1.7\n% biopsy report\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
};

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** What the store holds, read from the store itself: the folder, or the bucket over S3's own API. */
interface StoreView {
  /** Keys of stored objects under a prefix (e.g. org/<id>/case/<id>/). */
  keys(prefix: string): Promise<string[]>;
  remove(key: string): Promise<void>;
}

function folderView(root: string): StoreView {
  return {
    async keys(prefix) {
      const dir = join(root, ...prefix.split('/').filter(Boolean));
      if (!existsSync(dir)) return [];
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => `${prefix}${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`);
    },
    remove: (key) => rm(join(root, ...key.split('/')), { force: true }),
  };
}

function bucketView(env: Record<string, string>): StoreView {
  const client = new S3Client({ region: env.STORAGE_S3_REGION, endpoint: env.STORAGE_S3_ENDPOINT, forcePathStyle: true });
  return {
    async keys(prefix) {
      const out = await client.send(new ListObjectsV2Command({ Bucket: env.STORAGE_S3_BUCKET, Prefix: prefix }));
      return (out.Contents ?? []).map((o) => o.Key ?? '');
    },
    remove: async () => undefined, // the server's folder goes with it
  };
}

// The same journey on both stores: local disk (the default) and S3 over real HTTP (s3rver).
describe.each(['local', 's3'] as const)('documents on packet items (%s storage): upload, download, delete through the case scope', (driver) => {
  let s: TestStack;
  let s3: S3TestServer | null = null;
  let store: StoreView;
  /** Where Maria's case keeps its files, as a key prefix. */
  const casePrefix = `org/${DEMO.orgs.harbor}/case/${DEMO.cases.maria}/`;
  let patient: GqlClient;
  let advocate: GqlClient;
  let advocate2: GqlClient;
  let caregiver: GqlClient;
  let patient2: GqlClient;
  let otherOrgAdmin: GqlClient;
  let itemId: string;
  let otherItemId: string;
  /** Files already in the (shared, per-checkout) storage folder before this run. */
  let baseline: string[];

  const upload = (who: GqlClient | null, item: string, body: FormData, headers: Record<string, string> = CSRF) => call(s, who, 'POST', `/api/packet-items/${item}/documents`, { body, headers });
  const docCount = async (): Promise<number> => (await s.ds.query(`SELECT count(*)::int AS n FROM case_document`))[0].n;
  const storedFiles = (): Promise<string[]> => store.keys(casePrefix);
  const spooled = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('second-look-upload-'));
  const auditCount = async (action: string, entityId?: string): Promise<number> =>
    (await s.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND ($2::text IS NULL OR entity_id = $2::text)`, [action, entityId ?? null]))[0].n;

  beforeAll(async () => {
    s3 = driver === 's3' ? await startS3Server() : null;
    s = await startTestStack(`documents-${driver}`, s3 ? { env: s3.env } : {});
    expect(s.config.storage.driver).toBe(driver);
    store = s3 ? bucketView(s3.env) : folderView(s.config.storage.driver === 'local' ? s.config.storage.dir : '');
    [patient, advocate, advocate2, caregiver, patient2, otherOrgAdmin] = await Promise.all(
      ['patient@harbor.example', 'advocate@harbor.example', 'advocate2@harbor.example', 'caregiver@harbor.example', 'patient2@harbor.example', 'admin@northstar.example'].map((e) => s.signIn(e)),
    );
    baseline = await storedFiles();
    const items = s.ds.getRepository(PacketItem);
    itemId = (await items.save(items.create({ organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.maria, kind: PacketItemKind.PATHOLOGY_REPORT, title: 'Core biopsy, October' }))).id;
    otherItemId = (await items.save(items.create({ organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.david, kind: PacketItemKind.IMAGING_DISC, title: 'MRI lumbar spine' }))).id;
  });

  afterAll(async () => {
    // The stack's database is dropped; the files this run stored are removed here.
    if (s) {
      const keys: Array<{ storage_key: string }> = await s.ds.query(`SELECT storage_key FROM case_document`);
      if (store) for (const k of keys) await store.remove(k.storage_key);
      await s.close();
    }
    await s3?.close();
  });

  let docId: string;
  const original = pdfBytes(40_000);

  it('lets the patient upload a PDF to an item of their case, stored once with its hash and audited', async () => {
    const r = await upload(patient, itemId, form(original, 'Biopsy report.pdf', 'application/pdf'));
    expect(r.status).toBe(201);
    const body = r.json() as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.any(String),
      packetItemId: itemId,
      caseId: DEMO.cases.maria,
      fileName: 'Biopsy report.pdf',
      contentType: 'application/pdf',
      sizeBytes: original.length,
      createdAt: expect.any(String),
      downloadUrl: `/api/documents/${body.id}`,
      uploadedById: DEMO.users.harborPatient,
    });
    docId = body.id as string;
    expect(r.headers.get('location')).toBe(`/api/documents/${docId}`);
    const row = await s.ds.getRepository(CaseDocument).findOneByOrFail({ id: docId });
    expect(row).toMatchObject({ sha256: sha256(original), sizeBytes: String(original.length), organizationId: DEMO.orgs.harbor });
    expect(row.storageKey).toMatch(new RegExp(`^org/${DEMO.orgs.harbor}/case/${DEMO.cases.maria}/[0-9a-f-]{36}$`));
    expect((await storedFiles()).sort()).toEqual([...baseline, row.storageKey].sort());
    expect(await auditCount('document.upload', docId)).toBe(1);
  });

  it('serves the same bytes to the advocate as a private attachment, auditing every download', async () => {
    for (let i = 1; i <= 2; i++) {
      const r = await call(s, advocate, 'GET', `/api/documents/${docId}`);
      expect(r.status).toBe(200);
      expect(sha256(r.bytes)).toBe(sha256(original));
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('content-length')).toBe(String(original.length));
      expect(r.headers.get('content-disposition')).toBe(`attachment; filename="Biopsy report.pdf"; filename*=UTF-8''Biopsy%20report.pdf`);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cache-control')).toBe('private, no-store');
      expect(await auditCount('document.download', docId)).toBe(i);
    }
    const rows = await s.ds.query(`SELECT actor_user_id, case_id FROM audit_event WHERE action = 'document.download' AND entity_id = $1`, [docId]);
    expect(rows).toEqual([
      { actor_user_id: DEMO.users.harborAdvocate, case_id: DEMO.cases.maria },
      { actor_user_id: DEMO.users.harborAdvocate, case_id: DEMO.cases.maria },
    ]);
    // The caregiver may read the case, so may read its files.
    expect((await call(s, caregiver, 'GET', `/api/documents/${docId}`)).status).toBe(200);
  });

  it('answers another patient and another organization exactly as for an id that does not exist', async () => {
    const missing = await call(s, patient2, 'GET', `/api/documents/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Document not found' } });
    for (const who of [patient2, otherOrgAdmin]) {
      const r = await call(s, who, 'GET', `/api/documents/${docId}`);
      expect(r.status).toBe(404);
      expect(r.bytes.equals(missing.bytes)).toBe(true);
      expect((await call(s, who, 'DELETE', `/api/documents/${docId}`, { headers: CSRF })).bytes.equals(missing.bytes)).toBe(true);
    }
    expect((await call(s, advocate, 'GET', '/api/documents/not-a-uuid')).bytes.equals(missing.bytes)).toBe(true);

    const before = await docCount();
    const missingItem = await upload(patient2, randomUUID(), form(original, 'a.pdf', 'application/pdf'));
    expect(missingItem.status).toBe(404);
    expect(missingItem.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Packet item not found' } });
    // Maria's item for David, and David's item for Maria: both look missing.
    for (const [who, item] of [
      [patient2, itemId],
      [patient, otherItemId],
      [otherOrgAdmin, itemId],
    ] as const) {
      const r = await upload(who, item, form(original, 'a.pdf', 'application/pdf'));
      expect(r.status).toBe(404);
      expect(r.bytes.equals(missingItem.bytes)).toBe(true);
    }
    expect(await docCount()).toBe(before);
    expect(await auditCount('document.download', docId)).toBe(3);
  });

  it('asks a signed-out caller to sign in', async () => {
    for (const r of [
      await call(s, null, 'GET', `/api/documents/${docId}`),
      await upload(null, itemId, form(original, 'a.pdf', 'application/pdf')),
      await call(s, null, 'DELETE', `/api/documents/${docId}`, { headers: CSRF }),
    ]) {
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    }
  });

  it('refuses a file whose bytes are not an accepted type, whatever its name and declared type, storing nothing', async () => {
    const before = { rows: await docCount(), files: await storedFiles() };
    const html = Buffer.from('<!doctype html><script>fetch("/graphql")</script>'.padEnd(400, ' '));
    for (const body of [form(html, 'report.pdf', 'application/pdf'), form(Buffer.from('MZ'.padEnd(10, '\0')), 'scan.dcm', 'application/dicom')]) {
      const r = await upload(patient, itemId, body);
      expect(r.status).toBe(400);
      expect(r.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/cannot be added/), details: { field: 'file', accepted: expect.arrayContaining(['application/pdf', 'application/dicom']) } },
      });
    }
    const empty = await upload(patient, itemId, form(Buffer.alloc(0), 'empty.pdf', 'application/pdf'));
    expect(empty.status).toBe(400);
    const wrongField = await upload(patient, itemId, form(original, 'a.pdf', 'application/pdf', 'upload'));
    expect(wrongField.status).toBe(400);
    expect(wrongField.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: 'Attach the file in the form field "file".' } });
    const notMultipart = await upload(patient, itemId, undefined as unknown as FormData, { ...CSRF, 'content-type': 'application/json' });
    expect(notMultipart.status).toBe(400);
    expect({ rows: await docCount(), files: await storedFiles() }).toEqual(before);
    expect(spooled()).toEqual([]);
  });

  it('stores the type the bytes show, not the one declared, and names the file to match', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]);
    const dicom = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.alloc(300, 1)]);
    const a = (await upload(advocate, itemId, form(png, 'photo of report.pdf', 'application/pdf'))).json() as Record<string, unknown>;
    expect(a).toMatchObject({ contentType: 'image/png', fileName: 'photo of report.pdf.png' });
    const b = (await upload(advocate, itemId, form(dicom, 'IM0001', 'application/octet-stream'))).json() as Record<string, unknown>;
    expect(b).toMatchObject({ contentType: 'application/dicom', fileName: 'IM0001.dcm' });
    const got = await call(s, patient, 'GET', b.downloadUrl as string);
    expect(got.headers.get('content-type')).toBe('application/dicom');
    expect(got.bytes.equals(dicom)).toBe(true);
  });

  it('refuses a file over the size limit with 413, storing nothing (limit lowered for the test)', async () => {
    const limit = s.config.documentMaxBytes;
    s.config.documentMaxBytes = 1000;
    try {
      const before = { rows: await docCount(), files: await storedFiles() };
      // Just over: caught while streaming. Far over: refused from Content-Length before reading.
      for (const size of [1001, 300_000]) {
        const r = await upload(patient, itemId, form(pdfBytes(size), 'big.pdf', 'application/pdf'));
        expect(r.status).toBe(413);
        expect(r.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'The file is larger than the 1000 bytes limit.', details: { field: 'file', maxBytes: 1000 } } });
      }
      expect({ rows: await docCount(), files: await storedFiles() }).toEqual(before);
      expect(spooled()).toEqual([]);
      // Exactly at the limit is fine.
      expect((await upload(patient, itemId, form(pdfBytes(1000), 'ok.pdf', 'application/pdf'))).status).toBe(201);
    } finally {
      s.config.documentMaxBytes = limit;
    }
  });

  it('refuses uploads and deletes without the CSRF header, so a cross-site form post cannot use the cookie', async () => {
    const before = await docCount();
    const r = await upload(patient, itemId, form(original, 'a.pdf', 'application/pdf'), {});
    expect(r.status).toBe(403);
    expect(r.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'This request needs the header "x-second-look-csrf: 1".', details: { header: 'x-second-look-csrf' } } });
    const d = await call(s, patient, 'DELETE', `/api/documents/${docId}`);
    expect(d.status).toBe(403);
    expect(await docCount()).toBe(before);
  });

  it('lets only those who may edit the case upload or delete; others who can see it get 403', async () => {
    // The caregiver has comment access, the second advocate is staff but not the lead.
    for (const who of [caregiver, advocate2]) {
      const up = await upload(who, itemId, form(original, 'a.pdf', 'application/pdf'));
      expect(up.status).toBe(403);
      expect((up.json() as { error: { code: string } }).error.code).toBe('FORBIDDEN');
      expect((await call(s, who, 'DELETE', `/api/documents/${docId}`, { headers: CSRF })).status).toBe(403);
    }
  });

  it('lists documents per packet item in one batch, within the caller’s scope', async () => {
    const docs = s.app.get(DocumentService);
    const ctx = () => ({ memo: new Map() }) as unknown as GqlContext;
    const patientActor = { userId: DEMO.users.harborPatient, organizationId: DEMO.orgs.harbor, role: 'PATIENT' } as const;
    const mine = await docs.listForItems(ctx(), patientActor as never, [itemId, otherItemId]);
    expect(mine[0].map((d) => d.id)).toContain(docId);
    expect(mine[0].every((d) => d.downloadUrl === `/api/documents/${d.id}` && typeof d.sizeBytes === 'number')).toBe(true);
    expect(mine[1]).toEqual([]);
    const david = { userId: DEMO.users.harborPatient2, organizationId: DEMO.orgs.harbor, role: 'PATIENT' } as const;
    expect(await docs.listForItems(ctx(), david as never, [itemId])).toEqual([[]]);
    const northstar = { userId: DEMO.users.northstarAdmin, organizationId: DEMO.orgs.northstar, role: 'ADMIN' } as const;
    expect(await docs.listForItems(ctx(), northstar as never, [itemId])).toEqual([[]]);
  });

  it('shows the files on the packet item in GraphQL, with who uploaded them', async () => {
    type Packet = {
      case: {
        packet: Array<{ id: string; documents: Array<{ id: string; fileName: string; contentType: string; sizeBytes: number; downloadUrl: string; uploadedBy: { displayName: string } | null }> }>;
      };
    };
    const q = `{ case(id: "${DEMO.cases.maria}") { packet { id documents { id fileName contentType sizeBytes downloadUrl uploadedBy { displayName } } } } }`;
    const item = (await advocate.ok<Packet>(q)).case.packet.find((p) => p.id === itemId);
    expect(item?.documents[0]).toEqual({
      id: docId,
      fileName: 'Biopsy report.pdf',
      contentType: 'application/pdf',
      sizeBytes: original.length,
      downloadUrl: `/api/documents/${docId}`,
      uploadedBy: { displayName: 'Maria Lopez' },
    });
    expect((await patient.ok<Packet>(q)).case.packet.find((p) => p.id === itemId)?.documents.map((d) => d.id)).toContain(docId);
  });

  it('deletes the row and the file for the patient, audited; the link then answers 404', async () => {
    const key = (await s.ds.getRepository(CaseDocument).findOneByOrFail({ id: docId })).storageKey;
    expect(await storedFiles()).toContain(key);
    const r = await call(s, patient, 'DELETE', `/api/documents/${docId}`, { headers: CSRF });
    expect(r.status).toBe(204);
    expect(await storedFiles()).not.toContain(key);
    expect(await auditCount('document.delete', docId)).toBe(1);
    expect((await call(s, advocate, 'GET', `/api/documents/${docId}`)).status).toBe(404);
  });
});
