import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { PageLoading } from "../components/page-loading.tsx";
import { SyncProvider } from "../features/offline/sync-provider.tsx";
import { FirstViewOrLoading } from "./first-view-or-loading.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { HomeRedirect } from "./home-redirect.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequireAuth, RequireGuest } from "./require-auth.tsx";
import { UnitRoute } from "./unit-route.tsx";

const HomePage = lazy(() =>
  import("../features/tasks/home-page.tsx").then((module) => ({ default: module.HomePage })),
);
const LoginPage = lazy(() =>
  import("../features/auth/login-page.tsx").then((module) => ({ default: module.LoginPage })),
);

const DossierBoardPage = lazy(() =>
  import("../features/dossiers/dossier-board-page.tsx").then((module) => ({
    default: module.DossierBoardPage,
  })),
);
const DossierPage = lazy(() =>
  import("../features/dossiers/dossier-page.tsx").then((module) => ({
    default: module.DossierPage,
  })),
);
const RevocationWatchPage = lazy(() =>
  import("../features/dossiers/revocation-watch-page.tsx").then((module) => ({
    default: module.RevocationWatchPage,
  })),
);
const MergerPage = lazy(() =>
  import("../features/dossiers/merger-page.tsx").then((module) => ({
    default: module.MergerPage,
  })),
);
const TargetsIndex = lazy(() =>
  import("../features/targets/targets-index.tsx").then((module) => ({
    default: module.TargetsIndex,
  })),
);
const TargetsPage = lazy(() =>
  import("../features/targets/targets-page.tsx").then((module) => ({
    default: module.TargetsPage,
  })),
);
const PlanPage = lazy(() =>
  import("../features/targets/plan-page.tsx").then((module) => ({
    default: module.PlanPage,
  })),
);
const PlanEditPage = lazy(() =>
  import("../features/targets/plan-edit-page.tsx").then((module) => ({
    default: module.PlanEditPage,
  })),
);
const RollupPage = lazy(() =>
  import("../features/targets/rollup-page.tsx").then((module) => ({
    default: module.RollupPage,
  })),
);
const ComparisonPage = lazy(() =>
  import("../features/targets/comparison-page.tsx").then((module) => ({
    default: module.ComparisonPage,
  })),
);
const DepartmentsIndex = lazy(() =>
  import("../features/targets/department-page.tsx").then((module) => ({
    default: module.DepartmentsIndex,
  })),
);
const DepartmentPage = lazy(() =>
  import("../features/targets/department-page.tsx").then((module) => ({
    default: module.DepartmentPage,
  })),
);

const VillagesIndex = lazy(() =>
  import("../features/villages/villages-page.tsx").then((module) => ({
    default: module.VillagesIndex,
  })),
);
const VillagesPage = lazy(() =>
  import("../features/villages/villages-page.tsx").then((module) => ({
    default: module.VillagesPage,
  })),
);
const CommunesPage = lazy(() =>
  import("../features/communes/communes-page.tsx").then((module) => ({
    default: module.CommunesPage,
  })),
);

const CatalogPage = lazy(() =>
  import("../features/catalog/catalog-page.tsx").then((module) => ({
    default: module.CatalogPage,
  })),
);

const BulkEntryPage = lazy(() =>
  import("../features/entry/bulk-entry-page.tsx").then((module) => ({
    default: module.BulkEntryPage,
  })),
);

const ChangePasswordPage = lazy(() =>
  import("../features/account/change-password-page.tsx").then((module) => ({
    default: module.ChangePasswordPage,
  })),
);
const AccountsPage = lazy(() =>
  import("../features/account/accounts-page.tsx").then((module) => ({
    default: module.AccountsPage,
  })),
);

const UnitAdminPage = lazy(() =>
  import("../features/units/unit-admin-page.tsx").then((module) => ({
    default: module.UnitAdminPage,
  })),
);

const JobsPage = lazy(() =>
  import("../features/jobs/jobs-page.tsx").then((module) => ({
    default: module.JobsPage,
  })),
);
const PublicationSettingsPage = lazy(() =>
  import("../features/publication/publication-settings-page.tsx").then((module) => ({
    default: module.PublicationSettingsPage,
  })),
);

const OcopListPage = lazy(() =>
  import("../features/ocop/ocop-list-page.tsx").then((module) => ({
    default: module.OcopListPage,
  })),
);
const FeedbackPage = lazy(() =>
  import("../features/feedback/feedback-page.tsx").then((module) => ({
    default: module.FeedbackPage,
  })),
);
const OcopProductPage = lazy(() =>
  import("../features/ocop/ocop-product-page.tsx").then((module) => ({
    default: module.OcopProductPage,
  })),
);

const ReportsPage = lazy(() =>
  import("../features/reports/reports-page.tsx").then((module) => ({
    default: module.ReportsPage,
  })),
);

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/login"
          element={
            <RequireGuest>
              <Suspense fallback={<PageLoading />}>
                <LoginPage />
              </Suspense>
            </RequireGuest>
          }
        />
        <Route
          element={
            <RequireAuth>
              <SyncProvider>
                <AppLayout />
              </SyncProvider>
            </RequireAuth>
          }
        >
          <Route
            index
            element={
              <Suspense fallback={<PageLoading />}>
                <HomePage />
              </Suspense>
            }
          />
          <Route path="units/:code" element={<UnitRoute />} />
          <Route
            path="dossiers"
            element={
              <Suspense fallback={<PageLoading />}>
                <DossierBoardPage />
              </Suspense>
            }
          />
          <Route
            path="dossiers/watch"
            element={
              <Suspense fallback={<PageLoading />}>
                <RevocationWatchPage />
              </Suspense>
            }
          />
          {["dossiers/mergers", "dossiers/mergers/:code"].map((path) => (
            <Route
              key={path}
              path={path}
              element={
                <Suspense fallback={<PageLoading />}>
                  <MergerPage />
                </Suspense>
              }
            />
          ))}
          <Route
            path="dossiers/:id"
            element={
              <Suspense fallback={<PageLoading />}>
                <DossierPage />
              </Suspense>
            }
          />
          {[
            { path: "targets", page: <TargetsIndex /> },
            { path: "targets/:code", page: <TargetsPage /> },
            { path: "plans/:code/:year", page: <PlanPage /> },
            { path: "plans/:code/:year/edit", page: <PlanEditPage /> },
            { path: "plans/:code/:year/rollup", page: <RollupPage /> },
            { path: "compare/:code", page: <ComparisonPage /> },
            { path: "departments", page: <DepartmentsIndex /> },
            { path: "departments/:id", page: <DepartmentPage /> },
            { path: "communes", page: <CommunesPage /> },
            { path: "catalog", page: <CatalogPage /> },
            { path: "publication", page: <PublicationSettingsPage /> },
            { path: "villages", page: <VillagesIndex /> },
            { path: "villages/:code", page: <VillagesPage /> },
            { path: "ocop", page: <OcopListPage /> },
            { path: "ocop/products/:id", page: <OcopProductPage /> },
            { path: "feedback", page: <FeedbackPage /> },
          ].map((route) => (
            <Route
              key={route.path}
              path={route.path}
              element={<Suspense fallback={<FirstViewOrLoading />}>{route.page}</Suspense>}
            />
          ))}
          {["entry", "entry/:code"].map((path) => (
            <Route
              key={path}
              path={path}
              element={
                <Suspense fallback={<PageLoading />}>
                  <BulkEntryPage />
                </Suspense>
              }
            />
          ))}
          {["reports", "reports/:tab"].map((path) => (
            <Route
              key={path}
              path={path}
              element={
                <Suspense fallback={<PageLoading />}>
                  <ReportsPage />
                </Suspense>
              }
            />
          ))}
          {[
            { path: "account/password", page: <ChangePasswordPage /> },
            { path: "accounts", page: <AccountsPage /> },
            { path: "admin-units", page: <UnitAdminPage /> },
            { path: "admin-jobs", page: <JobsPage /> },
          ].map((route) => (
            <Route
              key={route.path}
              path={route.path}
              element={<Suspense fallback={<FirstViewOrLoading />}>{route.page}</Suspense>}
            />
          ))}
          <Route path="units" element={<HomeRedirect />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
