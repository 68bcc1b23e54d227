import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { PageLoading } from "../components/page-loading.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { HomeRedirect } from "./home-redirect.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequireAuth, RequireGuest } from "./require-auth.tsx";
import { UnitRoute } from "./unit-route.tsx";

const LoginPage = lazy(() =>
  import("../features/auth/login-page.tsx").then((module) => ({ default: module.LoginPage })),
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
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="units/:code" element={<UnitRoute />} />
          <Route path="units" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
