import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { Role, isStaffRole } from '@second-look/domain';
import {
  AcceptInvitationPage,
  ConfirmSignUpPage,
  ForgotPasswordPage,
  RequireViewer,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
  useChooseLanguage,
  useSignOut,
  useViewer,
} from '@second-look/web-auth';
import { AuditLogPage, JobsHealthPage, MembersPage } from '@second-look/web-admin';
import { CaseListPage, CasePage, MyCasesPage, NewCasePage } from '@second-look/web-cases';
import { RecordBoardPage, RecordHoldersPage } from '@second-look/web-records';
import { NotificationBell, NotificationSettingsPage, NotificationsPage, ReminderSettingsPage } from '@second-look/web-notifications';
import { AppLayout, Loading, NotFoundState, type NavItem } from '@second-look/web-ui';

function SignedInShell() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { signOut, signOutEverywhere } = useSignOut();
  const chooseLanguage = useChooseLanguage();
  const staff = isStaffRole(viewer.role);
  const nav: NavItem[] = staff
    ? [
        { to: '/cases', label: t('nav.cases') },
        { to: '/cases/new', label: t('nav.newCase'), exact: true },
        { to: '/records', label: t('nav.records'), exact: true },
        { to: '/records/holders', label: t('nav.recordHolders') },
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
      headerActions={<NotificationBell />}
      menuLinks={[{ to: '/notifications/settings', label: t('userMenu.notificationSettings') }]}
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

/** Staff work from the list; a patient or caregiver sees their own case(s). */
function CasesHome() {
  const viewer = useViewer();
  return isStaffRole(viewer.role) ? <CaseListPage /> : <MyCasesPage />;
}

function StaffOnly({ children, admin }: { children: React.ReactNode; admin?: boolean }) {
  const viewer = useViewer();
  const allowed = admin ? viewer.role === Role.ADMIN : isStaffRole(viewer.role);
  return allowed ? <>{children}</> : <NotFoundState />;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/sign-up" element={<SignUpPage />} />
      <Route path="/sign-up/:token" element={<ConfirmSignUpPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      <Route
        element={
          <RequireViewer>
            <SignedInShell />
          </RequireViewer>
        }
      >
        <Route index element={<Navigate to="/cases" replace />} />
        <Route path="/cases" element={<CasesHome />} />
        <Route
          path="/cases/new"
          element={
            <StaffOnly>
              <NewCasePage />
            </StaffOnly>
          }
        />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/notifications/settings" element={<NotificationSettingsPage />} />
        <Route
          path="/admin/reminders"
          element={
            <StaffOnly admin>
              <ReminderSettingsPage />
            </StaffOnly>
          }
        />
        <Route
          path="/records"
          element={
            <StaffOnly>
              <RecordBoardPage />
            </StaffOnly>
          }
        />
        <Route
          path="/records/holders"
          element={
            <StaffOnly>
              <RecordHoldersPage />
            </StaffOnly>
          }
        />
        <Route
          path="/admin/members"
          element={
            <StaffOnly admin>
              <MembersPage />
            </StaffOnly>
          }
        />
        <Route
          path="/admin/audit"
          element={
            <StaffOnly admin>
              <AuditLogPage />
            </StaffOnly>
          }
        />
        <Route
          path="/admin/jobs"
          element={
            <StaffOnly admin>
              <JobsHealthPage />
            </StaffOnly>
          }
        />
        <Route path="*" element={<NotFoundState />} />
      </Route>
    </Routes>
    </Suspense>
  );
}
