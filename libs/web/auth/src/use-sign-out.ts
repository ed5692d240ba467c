import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { clearDeviceDrafts, useResetClient } from '@second-look/web-ui';
import { SignOutEverywhereMutation, SignOutMutation } from '@second-look/contracts/graphql';

/**
 * Sign out, then throw the whole cache away (a fresh client) so nothing about a patient
 * stays in memory on a shared phone, nor in its storage (unsaved offline drafts). We reset even
 * if the call failed: the user asked to leave.
 */
export function useSignOut(): { signOut: () => Promise<void>; signOutEverywhere: () => Promise<void> } {
  const [, signOutM] = useMutation(SignOutMutation);
  const [, everywhereM] = useMutation(SignOutEverywhereMutation);
  const reset = useResetClient();
  const navigate = useNavigate();
  const signOut = useCallback(async () => {
    await signOutM({});
    clearDeviceDrafts();
    reset();
    navigate('/sign-in', { replace: true });
  }, [signOutM, reset, navigate]);
  const signOutEverywhere = useCallback(async () => {
    await everywhereM({});
    clearDeviceDrafts();
    reset();
    navigate('/sign-in', { replace: true });
  }, [everywhereM, reset, navigate]);
  return { signOut, signOutEverywhere };
}
