import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertDocumentKey, ObjectStorage, StoredObjectMeta, StoredObjectMissing } from './object-storage';

/**
 * Documents in a folder (STORAGE_DIR): the default, for development and single-host setups.
 * Writes go to a temporary name in the same folder and are renamed into place once complete
 * and flushed, so a crash or a failed upload never leaves a half file under a real key.
 */
export class LocalDiskStorage implements ObjectStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertDocumentKey(key);
    const path = resolve(this.root, ...key.split('/'));
    // The key pattern already forbids "..": this is the second lock on the same door.
    if (!path.startsWith(this.root + sep)) throw new Error('Storage key escapes the storage folder');
    return path;
  }

  async put(key: string, body: Readable | Buffer, _meta: StoredObjectMeta): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const tmp = join(dirname(path), `.${randomUUID()}.part`);
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
      const fh = await open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      // Opened before returning, so a missing file is an error here and not mid-response.
      const fh = await open(path, 'r');
      return fh.createReadStream();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectMissing(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** Reads a whole stream; for tests and small objects only. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
