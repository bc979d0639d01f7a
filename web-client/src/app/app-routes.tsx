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
const JointMeetingsPage = lazy(() =>
  import('../features/organization/joint-meetings-page').then((module) => ({ default: module.JointMeetingsPage })),
);
const ResponsibilityLettersPage = lazy(() =>
  import('../features/organization/responsibility-letters-page').then((module) => ({ default: module.ResponsibilityLettersPage })),
);
const UsersPage = lazy(() =>
  import('../features/organization/users-page').then((module) => ({ default: module.UsersPage })),
);
const RoutingRulesPage = lazy(() =>
  import('../features/settings/routing-rules-page').then((module) => ({ default: module.RoutingRulesPage })),
);
const ApiClientsPage = lazy(() =>
  import('../features/integrations/api-clients-page').then((module) => ({ default: module.ApiClientsPage })),
);
const WebhooksPage = lazy(() =>
  import('../features/integrations/webhooks/webhooks-page').then((module) => ({ default: module.WebhooksPage })),
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
const MustVisitsPage = lazy(() =>
  import('../features/receptions/must-visits-page').then((module) => ({ default: module.MustVisitsPage })),
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
const MediationRoomsPage = lazy(() => import('../features/mediation/rooms-page').then((module) => ({ default: module.RoomsPage })));
const DisputesPage = lazy(() => import('../features/mediation/disputes-page').then((module) => ({ default: module.DisputesPage })));
const DisputePage = lazy(() => import('../features/mediation/dispute-page').then((module) => ({ default: module.DisputePage })));
const SessionCalendarPage = lazy(() =>
  import('../features/mediation/session-calendar-page').then((module) => ({ default: module.SessionCalendarPage })),
);
const PublicMediationApplyPage = lazy(() =>
  import('../features/mediation/public-mediation-pages').then((module) => ({ default: module.PublicMediationApplyPage })),
);
const PublicMediationTrackPage = lazy(() =>
  import('../features/mediation/public-mediation-pages').then((module) => ({ default: module.PublicMediationTrackPage })),
);
const AgreementPrintPage = lazy(() => import('../features/mediation/agreement-print-page').then((module) => ({ default: module.AgreementPrintPage })));
const RegisterDisputePage = lazy(() =>
  import('../features/mediation/register-dispute-page').then((module) => ({ default: module.RegisterDisputePage })),
);
const TopicAdminPage = lazy(() =>
  import('../features/suggestions/topic-admin-page').then((module) => ({ default: module.TopicAdminPage })),
);
const PublicTopicsPage = lazy(() =>
  import('../features/suggestions/public-topics-page').then((module) => ({ default: module.PublicTopicsPage })),
);
const PublicTopicPage = lazy(() =>
  import('../features/suggestions/public-topic-page').then((module) => ({ default: module.PublicTopicPage })),
);
const SuggestionWorklistPage = lazy(() =>
  import('../features/suggestions/suggestion-worklist-page').then((module) => ({ default: module.SuggestionWorklistPage })),
);
const SuggestionPage = lazy(() =>
  import('../features/suggestions/suggestion-page').then((module) => ({ default: module.SuggestionPage })),
);
const PublicAdoptedPage = lazy(() =>
  import('../features/suggestions/public-adopted-page').then((module) => ({ default: module.PublicAdoptedPage })),
);
const RegisterSuggestionPage = lazy(() =>
  import('../features/suggestions/register-suggestion-page').then((module) => ({ default: module.RegisterSuggestionPage })),
);
const PublicSuggestPage = lazy(() =>
  import('../features/suggestions/public-suggestion-pages').then((module) => ({ default: module.PublicSuggestPage })),
);
const PublicSuggestionTrackPage = lazy(() =>
  import('../features/suggestions/public-suggestion-pages').then((module) => ({ default: module.PublicSuggestionTrackPage })),
);
const UnitAssignmentsPage = lazy(() =>
  import('../features/suggestions/unit-assignment-pages').then((module) => ({ default: module.UnitAssignmentsPage })),
);
const UnitAssignmentPage = lazy(() =>
  import('../features/suggestions/unit-assignment-pages').then((module) => ({ default: module.UnitAssignmentPage })),
);
const DiaryListPage = lazy(() => import('../features/suggestions/diary-list-page').then((module) => ({ default: module.DiaryListPage })));
const DiaryLogPage = lazy(() => import('../features/suggestions/diary-log-page').then((module) => ({ default: module.DiaryLogPage })));
const DiaryEntryPage = lazy(() => import('../features/suggestions/diary-entry-page').then((module) => ({ default: module.DiaryEntryPage })));
const DiaryMattersPage = lazy(() =>
  import('../features/suggestions/diary-matters-page').then((module) => ({ default: module.DiaryMattersPage })),
);
const DiaryMatterPage = lazy(() => import('../features/suggestions/diary-matter-page').then((module) => ({ default: module.DiaryMatterPage })));
const DashboardPage = lazy(() => import('../features/metrics/dashboard-page').then((module) => ({ default: module.DashboardPage })));
const MetricsPage = lazy(() => import('../features/metrics/metrics-page').then((module) => ({ default: module.MetricsPage })));
const AnnualReportPage = lazy(() => import('../features/metrics/annual-report-page').then((module) => ({ default: module.AnnualReportPage })));
const AuditPage = lazy(() => import('../features/audit/audit-page').then((module) => ({ default: module.AuditPage })));
const RequireCapability = lazy(() =>
  import('../shared/auth/require-capability').then((module) => ({ default: module.RequireCapability })),
);
const NotFoundPage = lazy(() => import('./not-found-page').then((module) => ({ default: module.NotFoundPage })));

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
        path="/public/suggestion-topics"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicTopicsPage />
          </Suspense>
        }
      />
      <Route
        path="/public/suggestion-topics/:id"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicTopicPage />
          </Suspense>
        }
      />
      <Route
        path="/public/suggestions/new"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicSuggestPage />
          </Suspense>
        }
      />
      <Route
        path="/public/suggestions/adopted"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicAdoptedPage />
          </Suspense>
        }
      />
      <Route
        path="/public/mediation/apply"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicMediationApplyPage />
          </Suspense>
        }
      />
      <Route
        path="/public/mediation/track"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicMediationTrackPage />
          </Suspense>
        }
      />
      <Route
        path="/public/suggestions/track"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicSuggestionTrackPage />
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
            <RequireCapability capability="manage_organization">
              <RegionsPage />
            </RequireCapability>
          }
        />
        <Route
          path="organization/units"
          element={
            <RequireCapability capability="manage_organization">
              <UnitsPage />
            </RequireCapability>
          }
        />
        <Route
          path="organization/joint-meetings"
          element={
            <RequireCapability capability="view_joint_meetings_and_letters">
              <JointMeetingsPage />
            </RequireCapability>
          }
        />
        <Route
          path="organization/responsibility-letters"
          element={
            <RequireCapability capability="view_joint_meetings_and_letters">
              <ResponsibilityLettersPage />
            </RequireCapability>
          }
        />
        <Route
          path="organization/users"
          element={
            <RequireCapability capability="manage_users">
              <UsersPage />
            </RequireCapability>
          }
        />
        <Route
          path="settings/routing-rules"
          element={
            <RequireCapability capability="manage_routing_rules">
              <RoutingRulesPage />
            </RequireCapability>
          }
        />
        <Route
          path="settings/api-clients"
          element={
            <RequireCapability capability="manage_integrations">
              <ApiClientsPage />
            </RequireCapability>
          }
        />
        <Route
          path="settings/webhooks"
          element={
            <RequireCapability capability="manage_integrations">
              <WebhooksPage />
            </RequireCapability>
          }
        />
        <Route
          path="settings/rule-sets"
          element={
            <RequireCapability capability="manage_settings">
              <RuleSetsPage />
            </RequireCapability>
          }
        />
        <Route
          path="settings/work-calendar"
          element={
            <RequireCapability capability="manage_settings">
              <WorkCalendarPage />
            </RequireCapability>
          }
        />
        <Route path="petitions" element={<WorklistPage />} />
        <Route
          path="petitions/new"
          element={
            <RequireCapability capability="register_petition">
              <RegisterPage />
            </RequireCapability>
          }
        />
        <Route path="petitions/:id" element={<PetitionPage />} />
        <Route path="cases" element={<CaseWorklistPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route
          path="supervision"
          element={
            <RequireCapability capability="view_supervision">
              <SupervisionBoardPage />
            </RequireCapability>
          }
        />
        <Route
          path="receptions/must-visits"
          element={
            <RequireCapability capability="view_receptions">
              <MustVisitsPage />
            </RequireCapability>
          }
        />
        <Route
          path="receptions"
          element={
            <RequireCapability capability="view_receptions">
              <ReceptionCalendarPage />
            </RequireCapability>
          }
        />
        <Route
          path="receptions/figures"
          element={
            <RequireCapability capability="view_receptions">
              <ReceptionFiguresPage />
            </RequireCapability>
          }
        />
        <Route
          path="receptions/:id"
          element={
            <RequireCapability capability="view_receptions">
              <ReceptionPage />
            </RequireCapability>
          }
        />
        <Route
          path="mediation/rooms"
          element={
            <RequireCapability capability="view_mediation">
              <MediationRoomsPage />
            </RequireCapability>
          }
        />
        <Route
          path="mediation/disputes"
          element={
            <RequireCapability capability="view_disputes">
              <DisputesPage />
            </RequireCapability>
          }
        />
        <Route
          path="mediation/disputes/new"
          element={
            <RequireCapability capability="mediate_disputes">
              <RegisterDisputePage />
            </RequireCapability>
          }
        />
        <Route
          path="mediation/disputes/:id"
          element={
            <RequireCapability capability="view_disputes">
              <DisputePage />
            </RequireCapability>
          }
        />
        <Route
          path="mediation/calendar"
          element={
            <RequireCapability capability="view_disputes">
              <SessionCalendarPage />
            </RequireCapability>
          }
        />
        <Route
          path="mediation/disputes/:id/agreement"
          element={
            <RequireCapability capability="view_disputes">
              <AgreementPrintPage />
            </RequireCapability>
          }
        />
        <Route
          path="suggestions/topics"
          element={
            <RequireCapability capability="view_suggestions">
              <TopicAdminPage />
            </RequireCapability>
          }
        />
        <Route
          path="suggestions"
          element={
            <RequireCapability capability="view_suggestions">
              <SuggestionWorklistPage />
            </RequireCapability>
          }
        />
        <Route
          path="suggestions/new"
          element={
            <RequireCapability capability="handle_suggestions">
              <RegisterSuggestionPage />
            </RequireCapability>
          }
        />
        <Route
          path="suggestions/assigned"
          element={
            <RequireCapability capability="answer_assigned_suggestions">
              <UnitAssignmentsPage />
            </RequireCapability>
          }
        />
        <Route
          path="suggestions/assigned/:id"
          element={
            <RequireCapability capability="answer_assigned_suggestions">
              <UnitAssignmentPage />
            </RequireCapability>
          }
        />
        <Route
          path="suggestions/:id"
          element={
            <RequireCapability capability="view_suggestions">
              <SuggestionPage />
            </RequireCapability>
          }
        />
        <Route
          path="diary"
          element={
            <RequireCapability capability="view_diary">
              <DiaryListPage />
            </RequireCapability>
          }
        />
        <Route
          path="diary/new"
          element={
            <RequireCapability capability="keep_diary">
              <DiaryLogPage />
            </RequireCapability>
          }
        />
        <Route
          path="diary/entries/:id"
          element={
            <RequireCapability capability="view_diary">
              <DiaryEntryPage />
            </RequireCapability>
          }
        />
        <Route
          path="diary/matters"
          element={
            <RequireCapability capability="view_diary">
              <DiaryMattersPage />
            </RequireCapability>
          }
        />
        <Route
          path="diary/matters/:id"
          element={
            <RequireCapability capability="view_diary">
              <DiaryMatterPage />
            </RequireCapability>
          }
        />
        <Route
          path="metrics"
          element={
            <RequireCapability capability="view_metrics">
              <MetricsPage />
            </RequireCapability>
          }
        />
        <Route
          path="metrics/annual-report"
          element={
            <RequireCapability capability="view_metrics">
              <AnnualReportPage />
            </RequireCapability>
          }
        />
        <Route
          path="metrics/dashboard"
          element={
            <RequireCapability capability="view_metrics">
              <DashboardPage />
            </RequireCapability>
          }
        />
        <Route
          path="audit"
          element={
            <RequireCapability capability="view_audit">
              <AuditPage />
            </RequireCapability>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
