import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { sessionSeen, useCurrentUser } from "../features/auth/index.ts";
import { LoginPage } from "../features/auth/login-page.tsx";
import { useI18n } from "../lib/i18n/i18n-context.tsx";
import { useYear } from "../lib/year-context.tsx";
import { FirstFrame, openedYear } from "./layout/first-frame.tsx";
import { useFirstView } from "./first-view.tsx";
import { prefetchFirstRoute } from "./route-prefetch.ts";

const loadFullApp = () => import("./full-app.tsx");
const FullApp = lazy(() => loadFullApp().then((module) => ({ default: module.FullApp })));

// The application's code, the first page's code and its data start loading the moment a session
// shows, before its answer is checked.
void sessionSeen
  .then((answer) => {
    prefetchFirstRoute(answer);
    return loadFullApp();
  })
  .catch(() => undefined);

export function ShellLoading() {
  const { t } = useI18n();
  return (
    <div className="full-screen-center" role="status" aria-live="polite">
      <span className="shell-spinner" aria-hidden />
      <span className="visually-hidden">{t("common.loading")}</span>
    </div>
  );
}

/**
 * While the application loads: the first page's headline when its answer has arrived, in the
 * application's frame, otherwise a spinner.
 */
function FirstScreen() {
  const view = useFirstView(window.location.pathname);
  const { year } = useYear();
  if (!view || year !== openedYear) return <ShellLoading />;
  return <FirstFrame>{view}</FirstFrame>;
}

function ToLogin() {
  const location = useLocation();
  return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
}

/**
 * Without a session only the login screen exists, drawn from the first script; with one, the
 * application and its component library load (the login route there sends the user on).
 */
export function SessionGate() {
  const me = useCurrentUser();
  // The session's answer is checked with the response schemas, which come later: the first
  // view, drawn only for a session the server accepted, does not wait for them.
  if (me.isPending) return <FirstScreen />;
  if (me.data === null) {
    return (
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<ToLogin />} />
        </Routes>
      </BrowserRouter>
    );
  }
  // Signed in, or the session check failed (no link, a server error): the application says so.
  return (
    <Suspense fallback={<FirstScreen />}>
      <FullApp />
    </Suspense>
  );
}
