import { loadConfig } from '@second-look/server-platform';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage, readAll } from './local-disk.storage';
import { documentKey, StoredObjectMissing } from './object-storage';
import { S3Storage } from './s3.storage';
import { createObjectStorage } from './storage.provider';

const meta = { contentType: 'application/pdf', sizeBytes: 0, sha256: '' };
const org = randomUUID();
const kase = randomUUID();

/** Every file under a folder, hidden ones included: finds left-over temporary files. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

describe('LocalDiskStorage', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sl-storage-'));
    storage = new LocalDiskStorage(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores a buffer or a stream under the key and reads the same bytes back', async () => {
    const a = documentKey(org, kase);
    const b = documentKey(org, kase);
    await storage.put(a, Buffer.from('%PDF-1.7 hello'), meta);
    await storage.put(b, Readable.from([Buffer.from('part one, '), Buffer.from('part two')]), meta);
    expect((await readAll(await storage.get(a))).toString()).toBe('%PDF-1.7 hello');
    expect((await readAll(await storage.get(b))).toString()).toBe('part one, part two');
    expect(await readFile(join(dir, ...a.split('/')), 'utf8')).toBe('%PDF-1.7 hello');
    // Readable by the service only.
    expect((await stat(join(dir, ...a.split('/')))).mode & 0o077).toBe(0);
  });

  it('leaves nothing behind, not even a temporary file, when the incoming stream fails', async () => {
    const key = documentKey(org, kase);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(key, failing, meta)).rejects.toThrow('client went away');
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissing);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('reports a missing object as StoredObjectMissing and deletes idempotently', async () => {
    const key = documentKey(org, kase);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissing);
    await storage.put(key, Buffer.from('x'), meta);
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissing);
  });

  it('refuses keys that are not ours, so no caller input can steer a path', async () => {
    for (const key of ['../../etc/passwd', `org/${org}/case/${kase}/../../x`, 'org/a/case/b/c', `/org/${org}/case/${kase}/${randomUUID()}`]) {
      await expect(storage.put(key, Buffer.from('x'), meta)).rejects.toThrow(/not one of ours/);
      await expect(storage.get(key)).rejects.toThrow(/not one of ours/);
      await expect(storage.delete(key)).rejects.toThrow(/not one of ours/);
    }
    expect(() => documentKey('../x', kase)).toThrow();
  });
});

describe('storage driver from configuration', () => {
  const base = { DATABASE_URL: 'postgres://localhost/sl', REDIS_URL: 'redis://localhost:6379' };

  it('defaults to a folder under the working directory', () => {
    const config = loadConfig(base);
    expect(config.storage).toEqual({ driver: 'local', dir: join(process.cwd(), '.data/documents') });
    expect(config.documentMaxBytes).toBe(50 * 1024 * 1024);
    expect(createObjectStorage(config)).toBeInstanceOf(LocalDiskStorage);
  });

  it('builds the S3 driver, and refuses to start without a bucket', () => {
    const config = loadConfig({ ...base, STORAGE_DRIVER: 's3', STORAGE_S3_BUCKET: 'records', STORAGE_S3_ENDPOINT: 'http://minio:9000', DOCUMENT_MAX_BYTES: '1000' });
    expect(config.storage).toEqual({ driver: 's3', bucket: 'records', endpoint: 'http://minio:9000', region: 'us-east-1', forcePathStyle: true });
    expect(config.documentMaxBytes).toBe(1000);
    expect(createObjectStorage(config)).toBeInstanceOf(S3Storage);
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 's3' })).toThrow(/STORAGE_S3_BUCKET: is required when STORAGE_DRIVER=s3/);
  });
});
