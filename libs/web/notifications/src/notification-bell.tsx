import { ActionIcon, Indicator } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useQuery } from 'urql';
import { UnreadNotificationCountQuery } from '@second-look/contracts/graphql';

/** Until notifications are pushed live, the bell asks for the count once a minute. */
export const UNREAD_POLL_MS = 60_000;

function BellIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The header bell: a link to the notifications page whose name says how many are unread
 * ("Notifications, 3 unread"). The count refreshes every minute while the tab is visible,
 * and at once when the person comes back to the tab.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [result, reexecute] = useQuery({ query: UnreadNotificationCountQuery, variables: {}, requestPolicy: 'cache-and-network' });

  useEffect(() => {
    const refresh = () => {
      if (!document.hidden) reexecute({ requestPolicy: 'network-only' });
    };
    const timer = window.setInterval(refresh, UNREAD_POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reexecute]);

  const count = result.data?.unreadNotificationCount ?? 0;
  const here = pathname === '/notifications';
  return (
    <Indicator inline disabled={count === 0} label={<span aria-hidden>{count > 99 ? '99+' : count}</span>} size={20} offset={8} color="red.8" withBorder>
      <ActionIcon
        component={Link}
        to="/notifications"
        variant={here ? 'light' : 'subtle'}
        color="blue"
        size={44}
        radius="xl"
        aria-label={t('notifications.bell', { count })}
        aria-current={here ? 'page' : undefined}
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
