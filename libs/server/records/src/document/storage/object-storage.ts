import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/** What the store keeps beside the bytes; the database row remains the record of truth. */
export interface StoredObjectMeta {
  contentType: string;
  /** Needed by stores that take a stream only with its length (S3). */
  sizeBytes: number;
  sha256: string;
}

/**
 * Where document bytes live. Keys are made by `documentKey` only, never from user input,
 * so no file name or id a caller sends can steer a write or a read.
 */
export interface ObjectStorage {
  /** Stores the object whole or not at all: a failed put leaves nothing under the key. */
  put(key: string, body: Readable | Buffer, meta: StoredObjectMeta): Promise<void>;
  /** Rejects with `StoredObjectMissing` when nothing is stored under the key. */
  get(key: string): Promise<Readable>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

export class StoredObjectMissing extends Error {
  constructor(key: string) {
    super(`No stored object under ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

const KEY = /^org\/[0-9a-f-]{36}\/case\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** `org/<orgId>/case/<caseId>/<uuid>`: grouped by tenant and case, so a tenant's files can be listed or purged together. */
export function documentKey(organizationId: string, caseId: string, id: string = randomUUID()): string {
  const key = `org/${organizationId}/case/${caseId}/${id}`;
  assertDocumentKey(key);
  return key;
}

export function assertDocumentKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Refusing a storage key that is not one of ours: ${JSON.stringify(key)}`);
}
