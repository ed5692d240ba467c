export * from './documents.module';
export * from './document.service';
export * from './case-document.model';
export * from './case-document.resolver';
export * from './storage/object-storage';
export * from './storage/local-disk.storage';
export * from './storage/s3.storage';
export * from './rest-errors';
export { privateFileHeaders } from './document.controller';
