import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { Role, isStaffRole } from '@second-look/domain';
import { useChooseLanguage, useSignOut, useViewer } from '@second-look/web-auth';
import { NotificationBell } from '@second-look/web-notifications';
import { SearchLauncher } from '@second-look/web-search';
import { AppLayout, Loading, prepareDateFormats, type NavItem } from '@second-look/web-ui';

/**
 * The frame of every signed-in screen: header, navigation, search and notifications bell. Its own
 * chunk, so the sign-in page does not carry it (docs/architecture.md, the web client); app.tsx
 * fetches it alongside the session check when someone lands on a signed-in address.
 */
export function SignedInShell() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const timeZone = viewer.organization.timeZone;
  // Every signed-in screen shows dates: their formatters are made while its code and data load.
  useEffect(() => {
    const timer = setTimeout(() => prepareDateFormats(i18n.language, timeZone));
    return () => clearTimeout(timer);
  }, [i18n.language, timeZone]);
  const { signOut, signOutEverywhere } = useSignOut();
  const chooseLanguage = useChooseLanguage();
  const staff = isStaffRole(viewer.role);
  const nav: NavItem[] = staff
    ? [
        { to: '/today', label: t('nav.myDay') },
        { to: '/cases', label: t('nav.cases') },
        { to: '/cases/new', label: t('nav.newCase'), exact: true },
        { to: '/records', label: t('nav.records'), exact: true },
        { to: '/records/holders', label: t('nav.recordHolders') },
        { to: '/dashboard', label: t('dashboards.nav'), exact: true },
        ...(viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR ? [{ to: '/clients/import', label: t('clientImportNav') }] : []),
        ...(viewer.role === Role.ADMIN
          ? [
              { to: '/admin/members', label: t('nav.members') },
              { to: '/admin/audit', label: t('nav.audit') },
              { to: '/admin/reminders', label: t('nav.reminderSettings') },
              { to: '/admin/jobs', label: t('nav.jobs') },
            ]
          : []),
      ]
    : [{ to: '/cases', label: t('nav.myCases') }];
  return (
    <AppLayout
      user={{ displayName: viewer.displayName, email: viewer.email, organizationName: viewer.organization.name }}
      nav={nav}
      headerActions={
        <>
          <SearchLauncher />
          <NotificationBell />
        </>
      }
      menuLinks={[
        { to: '/notifications/settings', label: t('userMenu.notificationSettings') },
        { to: '/calendar-feed', label: t('exports.feed.menuLink') },
        { to: '/account/security', label: t('securityAccount.menuLink') },
      ]}
      onChooseLanguage={(language) => void chooseLanguage(language)}
      onSignOut={() => void signOut()}
      onSignOutEverywhere={() => void signOutEverywhere()}
    >
      {/* Each page is its own chunk (lazyNamed in the libraries' indexes): the shell stays while it loads. */}
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}
