import { useEffect, useState, useSyncExternalStore } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';
import { pipe, subscribe } from 'wonka';
import { ApplyCaseNoteUpdateMutation, CaseNoteQuery, CaseNoteUpdatesSubscription, type CaseNote, type CaseNoteKind } from '@second-look/contracts/graphql';
import { useViewer } from '@second-look/web-auth';
import { deviceDraft } from '@second-look/web-ui';
import { fromB64, NoteSync, NoteTransportError, toB64, type NoteDrafts, type NoteTransport } from './note-sync';

function transportError(error: CombinedError): NoteTransportError {
  const first = error.graphQLErrors?.[0];
  if (!first) return new NoteTransportError(true);
  const details = first.extensions?.['details'] as { reason?: string } | undefined;
  return new NoteTransportError(false, first.extensions?.['code'] as string | undefined, details?.reason);
}

/** The note's server side through the app's one urql client (no second store: the Y.Doc is the editor's own copy). */
export function urqlNoteTransport(client: Client, caseId: string, kind: CaseNoteKind): NoteTransport {
  return {
    async load(stateVector) {
      const r = await client.query(CaseNoteQuery, { caseId, kind, stateVector: stateVector ?? null }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error || !r.data) throw r.error ? transportError(r.error) : new NoteTransportError(true);
      return r.data.caseNote;
    },
    async apply(update, stateVector) {
      const r = await client.mutation(ApplyCaseNoteUpdateMutation, { input: { caseId, kind, update, stateVector } }).toPromise();
      if (r.error || !r.data) throw r.error ? transportError(r.error) : new NoteTransportError(true);
      return r.data.applyCaseNoteUpdate;
    },
    subscribe(stateVector, onNote, onEnd) {
      const { unsubscribe } = pipe(
        client.subscription(CaseNoteUpdatesSubscription, { caseId, kind, stateVector }),
        subscribe((r) => {
          if (r.error) onEnd(transportError(r.error));
          else if (r.data) onNote(r.data.caseNoteUpdates as CaseNote);
        }),
      );
      return unsubscribe;
    },
  };
}

/**
 * Unsaved edits of one note kept in this browser's storage, per person, case and note kind,
 * so a reload or a closed tab while offline loses nothing (cleared once saved, and on sign-out).
 */
export function deviceNoteDrafts(userId: string, caseId: string, kind: CaseNoteKind): NoteDrafts {
  const d = deviceDraft(`note:${userId}:${caseId}:${kind}`);
  return {
    read: () => {
      const v = d.read();
      return v ? fromB64(v) : null;
    },
    write: (state) => d.write(toB64(state)),
    clear: () => d.clear(),
  };
}

/** Opens one note for as long as the component is mounted, and re-renders on status changes. */
export function useNoteSync(caseId: string, kind: CaseNoteKind): NoteSync | null {
  const client = useClient();
  const userId = useViewer().id;
  const [sync, setSync] = useState<NoteSync | null>(null);
  useEffect(() => {
    const s = new NoteSync(urqlNoteTransport(client, caseId, kind), { pollMs: 3000, drafts: deviceNoteDrafts(userId, caseId, kind) });
    setSync(s);
    void s.start();
    const resume = () => s.resume();
    const visible = () => document.visibilityState === 'visible' && s.resume();
    window.addEventListener('online', resume);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('online', resume);
      document.removeEventListener('visibilitychange', visible);
      void s.flush();
      s.close();
    };
  }, [client, caseId, kind, userId]);
  return sync;
}

/** The note's status as React state. */
export function useNoteStatus(sync: NoteSync | null): { status: NoteSync['status']; live: boolean; refusal?: string } {
  const snapshot = useSyncExternalStore(
    (fn) => (sync ? sync.onChange(fn) : () => undefined),
    () => (sync ? `${sync.status}|${sync.live}|${sync.refusal ?? ''}` : 'loading|false|'),
  );
  const [status, live, refusal] = snapshot.split('|');
  return { status: status as NoteSync['status'], live: live === 'true', refusal: refusal || undefined };
}
