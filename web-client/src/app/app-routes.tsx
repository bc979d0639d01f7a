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
const RequireRole = lazy(() =>
  import('../shared/auth/require-role').then((module) => ({ default: module.RequireRole })),
);
const NotFoundPage = lazy(() => import('./not-found-page').then((module) => ({ default: module.NotFoundPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
