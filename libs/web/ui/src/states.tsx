import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CombinedError } from 'urql';
import { errorCode, isNetworkError, reasonText } from './errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{label ?? t('app.loading')}</Text>
      </Group>
    </Center>
  );
}

/** Sets the document title and renders the page's one h1. */
export function PageTitle({ children, title, order = 1 }: { children: ReactNode; title: string; order?: 1 | 2 }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return <Title order={order}>{children}</Title>;
}

export function NotFoundState() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={560}>
      <PageTitle title={t('errors.notFoundTitle')}>{t('errors.notFoundTitle')}</PageTitle>
      <Text size="lg">{t('errors.notFound')}</Text>
      <Group>
        <Button component={Link} to="/">
          {t('common.goHome')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The words for an error, from its code: every message a person reads is keyed (English and
 * Spanish), never the server's English text. The API's codes are DomainErrorCode
 * (libs/domain/src/errors/domain-error.ts), mapped by formatGraphqlError.
 */
export function useErrorText(): (error: CombinedError | undefined | null) => string | undefined {
  const { t } = useTranslation();
  return (error) => {
    if (!error) return undefined;
    if (isNetworkError(error)) return t('errors.network');
    return reasonText(error) ?? t(errorKey(errorCode(error)));
  };
}

/** The locale key for an API error code (unknown codes read as "something unexpected"). */
export function errorKey(code: string | undefined): string {
  switch (code) {
    case 'STALE_VERSION':
      return 'errors.staleVersion';
    case 'RATE_LIMITED':
      return 'errors.rateLimited';
    case 'UNAUTHENTICATED':
      return 'errors.sessionEnded';
    case 'LAST_ADMIN':
      return 'errors.lastAdmin';
    case 'CANNOT_DEACTIVATE_SELF':
      return 'errors.cannotDeactivateSelf';
    case 'INVALID_STAGE_MOVE':
      return 'errors.invalidStageMove';
    case 'FORBIDDEN':
      return 'errors.forbidden';
    case 'NOT_FOUND':
      return 'errors.gone';
    case 'VALIDATION_FAILED':
    case 'BAD_USER_INPUT':
    case 'BAD_REQUEST':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 'errors.validation';
    case 'CONFLICT':
      return 'errors.conflict';
    case 'INVITATION_INVALID':
      return 'auth.invitationInvalid';
    case 'PAYLOAD_TOO_LARGE':
      return 'errors.tooLarge';
    case 'NOT_OVERDUE':
      return 'errors.notOverdue';
    case 'FACTOR_ENROLLMENT_REQUIRED':
      return 'securityAccount.mustAdd';
    case 'NETWORK':
      return 'errors.network';
    default:
      return 'errors.unknown';
  }
}

/** An inline error for a form or action; pass onRetry for network failures. */
export function ErrorAlert({
  error,
  onRetry,
  withTitle = true,
  text: ownText,
}: {
  error: CombinedError | undefined | null;
  onRetry?: () => void;
  withTitle?: boolean;
  /** The form's own words for this error (a keyed message for the field that failed). */
  text?: string;
}) {
  const { t } = useTranslation();
  const codeText = useErrorText()(error);
  const text = ownText ?? codeText;
  if (!error || !text) return null;
  return (
    <Alert color="red" variant="light" title={withTitle ? t('errors.title') : undefined} role="alert">
      <Stack gap="xs">
        <Text size="sm">{text}</Text>
        {onRetry && isNetworkError(error) ? (
          <Group>
            <Button size="sm" variant="default" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        ) : null}
        {errorCode(error) === 'UNAUTHENTICATED' ? (
          <Group>
            <Button size="sm" component={Link} to="/sign-in">
              {t('errors.signInAgain')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** What a page shows when its main query failed. */
export function QueryErrorState({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const { t } = useTranslation();
  if (errorCode(error) === 'NOT_FOUND') return <NotFoundState />;
  return (
    <Stack gap="md" maw={640}>
      <PageTitle title={t('errors.title')}>{t('errors.title')}</PageTitle>
      <ErrorAlert error={error} onRetry={onRetry} withTitle={false} />
      {!isNetworkError(error) && errorCode(error) !== 'UNAUTHENTICATED' ? (
        <Group>
          <Button variant="outline" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
