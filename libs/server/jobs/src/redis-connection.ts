import type { ConnectionOptions } from 'bullmq';

/** BullMQ's own connection options, from REDIS_URL. Workers need maxRetriesPerRequest: null. */
export function bullConnection(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null };
}
