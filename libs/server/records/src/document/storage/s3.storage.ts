import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { assertDocumentKey, ObjectStorage, StoredObjectMeta, StoredObjectMissing } from './object-storage';

export interface S3StorageOptions {
  bucket: string;
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
}

/**
 * Any S3-compatible store (AWS S3, MinIO, Ceph, R2...). Credentials come from the SDK's
 * standard chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, or an instance role),
 * never from our own configuration, so they are not logged or validated with it.
 */
export class S3Storage implements ObjectStorage {
  private readonly client: S3Client;

  constructor(
    private readonly options: S3StorageOptions,
    client?: S3Client,
  ) {
    this.client =
      client ??
      new S3Client({
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        forcePathStyle: options.forcePathStyle,
        // Since 2025 the SDK adds CRC checksums (aws-chunked uploads) by default, which many
        // S3-compatible stores reject; send them only where the API requires them.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
  }

  async put(key: string, body: Readable | Buffer, meta: StoredObjectMeta): Promise<void> {
    assertDocumentKey(key);
    // A single PUT is atomic on S3: the object appears whole or not at all.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: body,
        ContentLength: meta.sizeBytes,
        ContentType: meta.contentType,
        Metadata: { sha256: meta.sha256 },
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    assertDocumentKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!(out.Body instanceof Readable)) throw new Error('S3 returned no readable body');
      return out.Body;
    } catch (e) {
      if (e instanceof NoSuchKey || (e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404)) throw new StoredObjectMissing(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    assertDocumentKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }
}
