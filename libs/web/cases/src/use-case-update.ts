import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { errorCode, staleConflict, type StaleConflict } from '@second-look/web-ui';
import { UpdateCaseMutation, type UpdateCaseInput } from '@second-look/contracts/graphql';

type Changes = Omit<UpdateCaseInput, 'id' | 'expectedVersion'>;

/**
 * Saves changes to a case against the version the editor started from. When someone else
 * saved in between, the API answers STALE_VERSION: we reload the case so the editor can show
 * the newer text beside the user's draft, and let them decide (never overwrite silently).
 */
export function useCaseUpdate(caseId: string, reload: () => void) {
  const [result, update] = useMutation(UpdateCaseMutation);
  const [conflict, setConflict] = useState<StaleConflict | null>(null);
  const save = async (changes: Changes, expectedVersion: number): Promise<boolean> => {
    setConflict(null);
    const res = await update({ input: { id: caseId, expectedVersion, ...changes } });
    if (errorCode(res.error) === 'STALE_VERSION') {
      setConflict(staleConflict(res.error) ?? { currentVersion: expectedVersion, current: {} });
      reload();
      return false;
    }
    return !!res.data?.updateCase;
  };
  const error: CombinedError | undefined = result.error;
  return { save, saving: result.fetching, error, stale: !!conflict, conflict, clearStale: () => setConflict(null) };
}
