import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { useResetClient } from '@second-look/web-ui';
import { SignOutEverywhereMutation, SignOutMutation } from '@second-look/contracts/graphql';

/**
 * Sign out, then throw the whole cache away (a fresh client) so nothing about a patient
 * stays in memory on a shared phone. We reset even if the call failed: the user asked to leave.
 */
export function useSignOut(): { signOut: () => Promise<void>; signOutEverywhere: () => Promise<void> } {
  const [, signOutM] = useMutation(SignOutMutation);
  const [, everywhereM] = useMutation(SignOutEverywhereMutation);
  const reset = useResetClient();
  const navigate = useNavigate();
  const signOut = useCallback(async () => {
    await signOutM({});
    reset();
    navigate('/sign-in', { replace: true });
  }, [signOutM, reset, navigate]);
  const signOutEverywhere = useCallback(async () => {
    await everywhereM({});
    reset();
    navigate('/sign-in', { replace: true });
  }, [everywhereM, reset, navigate]);
  return { signOut, signOutEverywhere };
}
