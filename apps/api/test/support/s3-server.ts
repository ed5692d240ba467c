import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// s3rver: an S3-protocol server on a loopback port (buckets as folders on disk), so the S3
// driver is exercised over real HTTP with the real AWS SDK: signing, path-style URLs, streamed
// bodies, 404s. It has no types of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

export interface S3TestServer {
  /** STORAGE_* settings that point the API at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The credentials s3rver accepts; the SDK reads them from the environment, as in production. */
const ACCESS_KEY = 'S3RVER';

export async function startS3Server(bucket = 'second-look-documents'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'sl-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
  process.env.AWS_SECRET_ACCESS_KEY = ACCESS_KEY;
  return {
    env: {
      STORAGE_DRIVER: 's3',
      STORAGE_S3_BUCKET: bucket,
      STORAGE_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      STORAGE_S3_REGION: 'us-east-1',
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
