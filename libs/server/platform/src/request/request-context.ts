import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a request came from: recorded in the audit log. Never holds patient data. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestMeta>();

export const runWithRequestMeta = <T>(meta: RequestMeta, fn: () => T): T => storage.run(meta, fn);
export const currentRequestMeta = (): RequestMeta => storage.getStore() ?? { ip: null, userAgent: null };
