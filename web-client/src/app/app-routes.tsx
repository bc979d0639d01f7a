import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { RequireAuth } from '../shared/auth/require-auth';
import { PageLoading } from '../shared/components/page-loading';

// Only the sign-in page is in the entry bundle; everything behind it loads on demand.
const AppShell = lazy(() => import('./app-shell').then((module) => ({ default: module.AppShell })));
const HomePage = lazy(() => import('../features/home/home-page').then((module) => ({ default: module.HomePage })));
const RegionsPage = lazy(() =>
  import('../features/organization/regions-page').then((module) => ({ default: module.RegionsPage })),
);
const UnitsPage = lazy(() =>
  import('../features/organization/units-page').then((module) => ({ default: module.UnitsPage })),
);
const UsersPage = lazy(() =>
  import('../features/organization/users-page').then((module) => ({ default: module.UsersPage })),
);
const RoutingRulesPage = lazy(() =>
  import('../features/settings/routing-rules-page').then((module) => ({ default: module.RoutingRulesPage })),
);
const RuleSetsPage = lazy(() =>
  import('../features/settings/rule-sets-page').then((module) => ({ default: module.RuleSetsPage })),
);
const WorkCalendarPage = lazy(() =>
  import('../features/settings/work-calendar-page').then((module) => ({ default: module.WorkCalendarPage })),
);
const WorklistPage = lazy(() =>
  import('../features/intake/worklist-page').then((module) => ({ default: module.WorklistPage })),
);
const RegisterPage = lazy(() =>
  import('../features/intake/register-page').then((module) => ({ default: module.RegisterPage })),
);
const PetitionPage = lazy(() =>
  import('../features/intake/petition-page').then((module) => ({ default: module.PetitionPage })),
);
const PublicSubmitPage = lazy(() =>
  import('../features/intake/public-submit-page').then((module) => ({ default: module.PublicSubmitPage })),
);
const PublicTrackPage = lazy(() =>
  import('../features/intake/public-track-page').then((module) => ({ default: module.PublicTrackPage })),
);
const CaseWorklistPage = lazy(() =>
  import('../features/dispatch/case-worklist-page').then((module) => ({ default: module.CaseWorklistPage })),
);
const CasePage = lazy(() => import('../features/dispatch/case-page').then((module) => ({ default: module.CasePage })));
const SupervisionBoardPage = lazy(() =>
  import('../features/dispatch/supervision-board-page').then((module) => ({ default: module.SupervisionBoardPage })),
);
const PublicCasePanel = lazy(() =>
  import('../features/dispatch/public-case-panel').then((module) => ({ default: module.PublicCasePanel })),
);
const ReceptionCalendarPage = lazy(() =>
  import('../features/receptions/reception-calendar-page').then((module) => ({ default: module.ReceptionCalendarPage })),
);
const ReceptionPage = lazy(() =>
  import('../features/receptions/reception-page').then((module) => ({ default: module.ReceptionPage })),
);
const ReceptionFiguresPage = lazy(() =>
  import('../features/receptions/reception-figures-page').then((module) => ({ default: module.ReceptionFiguresPage })),
);
const PublicReceptionDaysPage = lazy(() =>
  import('../features/receptions/public-reception-days-page').then((module) => ({ default: module.PublicReceptionDaysPage })),
);
const AuditPage = lazy(() => import('../features/audit/audit-page').then((module) => ({ default: module.AuditPage })));
const RequireRole = lazy(() =>
  import('../shared/auth/require-role').then((module) => ({ default: module.RequireRole })),
);
const NotFoundPage = lazy(() => import('./not-found-page').then((module) => ({ default: module.NotFoundPage })));

const supervisionRoles = ['petition_officer', 'supervisor', 'leader', 'analyst'] as const;
const auditRoles = ['admin', 'discipline_inspector'] as const;
const receptionRoles = ['leader', 'petition_officer', 'supervisor', 'analyst', 'admin'] as const;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route
        path="/public/submit"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicSubmitPage />
          </Suspense>
        }
      />
      <Route
        path="/public/track"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicTrackPage
              renderHandling={(credentials) => (
                <Suspense fallback={null}>
                  <PublicCasePanel credentials={credentials} />
                </Suspense>
              )}
            />
          </Suspense>
        }
      />
      <Route
        path="/public/reception-days"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicReceptionDaysPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <Suspense fallback={<PageLoading />}>
              <AppShell />
            </Suspense>
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="organization/regions"
          element={
            <RequireRole roles={['admin']}>
              <RegionsPage />
            </RequireRole>
          }
        />
        <Route
          path="organization/units"
          element={
            <RequireRole roles={['admin']}>
              <UnitsPage />
            </RequireRole>
          }
        />
        <Route
          path="organization/users"
          element={
            <RequireRole roles={['admin']}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route
          path="settings/routing-rules"
          element={
            <RequireRole roles={['admin']}>
              <RoutingRulesPage />
            </RequireRole>
          }
        />
        <Route
          path="settings/rule-sets"
          element={
            <RequireRole roles={['admin']}>
              <RuleSetsPage />
            </RequireRole>
          }
        />
        <Route
          path="settings/work-calendar"
          element={
            <RequireRole roles={['admin']}>
              <WorkCalendarPage />
            </RequireRole>
          }
        />
        <Route path="petitions" element={<WorklistPage />} />
        <Route
          path="petitions/new"
          element={
            <RequireRole roles={['petition_officer', 'leader', 'agent']}>
              <RegisterPage />
            </RequireRole>
          }
        />
        <Route path="petitions/:id" element={<PetitionPage />} />
        <Route path="cases" element={<CaseWorklistPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route
          path="supervision"
          element={
            <RequireRole roles={supervisionRoles}>
              <SupervisionBoardPage />
            </RequireRole>
          }
        />
        <Route
          path="receptions"
          element={
            <RequireRole roles={receptionRoles}>
              <ReceptionCalendarPage />
            </RequireRole>
          }
        />
        <Route
          path="receptions/figures"
          element={
            <RequireRole roles={receptionRoles}>
              <ReceptionFiguresPage />
            </RequireRole>
          }
        />
        <Route
          path="receptions/:id"
          element={
            <RequireRole roles={receptionRoles}>
              <ReceptionPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole roles={auditRoles}>
              <AuditPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
