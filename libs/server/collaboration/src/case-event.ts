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
