import { CaseEventKind } from '@second-look/domain';

/** What travels over Redis: ids and flags only, never patient text (receivers re-read through their own scope). */
export interface CaseEventMessage {
  id: string;
  caseId: string;
  organizationId: string;
  kind: CaseEventKind;
  entityId: string | null;
  /** Only staff may receive it (internal comment, staff notes). */
  staffOnly: boolean;
  /** The entity no longer exists (the client drops it from its cache). */
  removed: boolean;
  actorId: string | null;
  at: string;
  /** Non-clinical facts for the feed, e.g. { fields: ['summary'] } or { from, to }. */
  detail: Record<string, unknown> | null;
}

export interface PublishCaseEvent {
  kind: CaseEventKind;
  entityId?: string | null;
  staffOnly?: boolean;
  removed?: boolean;
  detail?: Record<string, unknown> | null;
  /** false: a live signal only, no line in the activity feed (e.g. every keystroke of a note). */
  activity?: boolean;
}

export const caseChannel = (caseId: string): string => `case:${caseId}`;
export const presenceChannel = (caseId: string): string => `presence:${caseId}`;

/**
 * An edit that touched shared fields and staff-only ones (staff notes) becomes two events:
 * the shared part for everyone, and the staff part marked staffOnly, so a patient is never
 * told (not even in the feed) that a staff note changed. Either is left out when empty.
 */
export function splitStaffFields(event: PublishCaseEvent, fields: readonly string[], staffFields: readonly string[] = ['staffNotes']): PublishCaseEvent[] {
  const shared = fields.filter((f) => !staffFields.includes(f));
  const staff = fields.filter((f) => staffFields.includes(f));
  const out: PublishCaseEvent[] = [];
  if (shared.length) out.push({ ...event, staffOnly: false, detail: { ...event.detail, fields: shared } });
  if (staff.length) out.push({ ...event, staffOnly: true, detail: { ...event.detail, change: 'staffNotes', fields: staff } });
  return out;
}
