import { createHash } from 'node:crypto';
import type { Reference, Resource } from '@medplum/fhirtypes';

/**
 * A stable UUID for one resource of the export (name-based, like UUID v5): the same row maps to
 * the same `urn:uuid:` on every export, and rows of different kinds never collide.
 */
export function resourceUuid(kind: string, id: string): string {
  const h = createHash('sha1').update(`second-look:${kind}:${id}`).digest();
  h[6] = (h.readUInt8(6) & 0x0f) | 0x50;
  h[8] = (h.readUInt8(8) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export const urn = (uuid: string): string => `urn:uuid:${uuid}`;

/** A reference inside the bundle to a resource made with `resourceUuid`. */
export function ref<T extends Resource>(resource: T & { id?: string }, display?: string): Reference<T> {
  return { reference: urn(resource.id as string), ...(display ? { display } : {}) };
}

/** "2026-12-09T15:00:00.000Z" for an instant; FHIR dateTime accepts the ISO form. */
export const instant = (d: Date): string => d.toISOString();

/** "PATHOLOGY_REPORT" → "pathology report": our codes in words for `text` fields. */
export const words = (code: string): string => code.toLowerCase().replace(/_/g, ' ');
