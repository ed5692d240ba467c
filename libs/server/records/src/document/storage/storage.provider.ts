import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { LocalDiskStorage } from './local-disk.storage';
import { ObjectStorage, OBJECT_STORAGE } from './object-storage';
import { S3Storage } from './s3.storage';

export function createObjectStorage(config: Pick<AppConfig, 'storage'>): ObjectStorage {
  const s = config.storage;
  return s.driver === 's3' ? new S3Storage(s) : new LocalDiskStorage(s.dir);
}

/** STORAGE_DRIVER picks the store once at boot; everything else sees only `ObjectStorage`. */
export const objectStorageProvider: Provider = {
  provide: OBJECT_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): ObjectStorage => createObjectStorage(config),
};
