import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Role, isStaffRole } from '@second-look/domain';
import { AccountSecurityPage, AcceptInvitationPage, ConfirmSignUpPage, ForgotPasswordPage, RequireViewer, ResetPasswordPage, SignInPage, SignUpPage, useViewer } from '@second-look/web-auth';
import { AuditLogPage, JobsHealthPage, MembersPage } from '@second-look/web-admin';
import { CaseListPage, CasePage, ImportClientsPage, MyCasesPage, NewCasePage } from '@second-look/web-cases';
import { RecordBoardPage, RecordHoldersPage } from '@second-look/web-records';
import { DashboardCasesPage, DashboardPage } from '@second-look/web-dashboards';
import { NotificationSettingsPage, NotificationsPage, ReminderSettingsPage } from '@second-look/web-notifications';
import { CalendarFeedPage } from '@second-look/web-exports';
import { MyDayPage } from '@second-look/web-tasks';
import { Loading, NotFoundState, lazyNamed } from '@second-look/web-ui';
import { PUBLIC_PATHS } from './public-paths';

// The signed-in shell (header, navigation, search, bell) is its own chunk: the sign-in page does
// not carry it. Landing on a signed-in address fetches it at once, beside the session check and
// the page's own chunk, so nothing waits on it in turn (docs/architecture.md, "First screens").
const loadShell = () => import('./signed-in-shell');
if (typeof location !== 'undefined' && !PUBLIC_PATHS.test(location.pathname)) void loadShell();
const SignedInShell = lazyNamed(loadShell, 'SignedInShell');

/** Staff start from My day (docs/domain.md, "My day"); a patient or caregiver from their own case(s). */
function Home() {
  const viewer = useViewer();
  return <Navigate to={isStaffRole(viewer.role) ? '/today' : '/cases'} replace />;
}

/** Staff work from the list; a patient or caregiver sees their own case(s). */
function CasesHome() {
  const viewer = useViewer();
  return isStaffRole(viewer.role) ? <CaseListPage /> : <MyCasesPage />;
}

function StaffOnly({ children, admin, coordinator }: { children: React.ReactNode; admin?: boolean; coordinator?: boolean }) {
  const viewer = useViewer();
  const allowed = admin ? viewer.role === Role.ADMIN : coordinator ? viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR : isStaffRole(viewer.role);
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
          <Route index element={<Home />} />
          <Route
            path="/today"
            element={
              <StaffOnly>
                <MyDayPage />
              </StaffOnly>
            }
          />
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
          <Route
            path="/clients/import"
            element={
              <StaffOnly coordinator>
                <ImportClientsPage />
              </StaffOnly>
            }
          />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/notifications/settings" element={<NotificationSettingsPage />} />
          <Route path="/calendar-feed" element={<CalendarFeedPage />} />
          <Route path="/account/security" element={<AccountSecurityPage />} />
          <Route
            path="/admin/reminders"
            element={
              <StaffOnly admin>
                <ReminderSettingsPage />
              </StaffOnly>
            }
          />
          <Route
            path="/dashboard"
            element={
              <StaffOnly>
                <DashboardPage />
              </StaffOnly>
            }
          />
          <Route
            path="/dashboard/cases"
            element={
              <StaffOnly>
                <DashboardCasesPage />
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
