import { useState } from 'react';
import { useMutation } from 'urql';
import { errorCode, staleConflict, type StaleConflict } from '@second-look/web-ui';
import { UpdatePacketItemMutation, type UpdatePacketItemInput } from '@second-look/contracts/graphql';

type Changes = Omit<UpdatePacketItemInput, 'id' | 'expectedVersion'>;

/**
 * Saves a packet item against the version the editor started from (as useCaseUpdate does for
 * a case): on STALE_VERSION we reload so the form can show what is saved now beside the
 * user's draft, and they decide; nothing is overwritten silently.
 */
export function usePacketItemUpdate(itemId: string, reload: () => void) {
  const [result, update] = useMutation(UpdatePacketItemMutation);
  const [conflict, setConflict] = useState<StaleConflict | null>(null);
  const save = async (changes: Changes, expectedVersion: number): Promise<boolean> => {
    setConflict(null);
    const res = await update({ input: { id: itemId, expectedVersion, ...changes } });
    if (errorCode(res.error) === 'STALE_VERSION') {
      setConflict(staleConflict(res.error) ?? { currentVersion: expectedVersion, current: {} });
      reload();
      return false;
    }
    return !!res.data?.updatePacketItem;
  };
  return { save, saving: result.fetching, error: result.error, stale: !!conflict, conflict };
}
