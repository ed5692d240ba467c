import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Container } from '@mantine/core';
import { Loading, QueryErrorState, isNetworkError } from '@second-look/web-ui';
import { useViewerState } from './viewer';

/** Where each person manages their second sign-in steps and signed-in devices. */
export const SECURITY_PATH = '/account/security';

/** Sends a signed-out visitor to sign in, remembering where they were going. */
export function RequireViewer({ children }: { children: ReactNode }) {
  const { viewer, loading, error, refetch } = useViewerState();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!viewer && error && isNetworkError(error)) {
    return (
      <Container component="main" id="main" py="xl">
        <QueryErrorState error={error} onRetry={refetch} />
      </Container>
    );
  }
  if (!viewer) {
    const next = location.pathname + location.search;
    const to = next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
    return <Navigate to={to} replace />;
  }
  // The organization requires staff to add a second sign-in step: nothing else opens until they do.
  if (viewer.mustAddSecondStep && location.pathname !== SECURITY_PATH) return <Navigate to={SECURITY_PATH} replace />;
  return <>{children}</>;
}

/** Where to go after signing in: only same-site paths, never another origin. */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return '/';
  return raw;
}
