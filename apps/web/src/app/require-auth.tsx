import { Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorState } from "../components/error-state.tsx";
import { useCurrentUser } from "../features/auth/index.ts";

function FullScreenSpin() {
  return (
    <div className="full-screen-center" role="status" aria-live="polite">
      <Spin size="large" />
    </div>
  );
}

const passwordPath = "/account/password";

/** Pages behind the login: without a session the user is sent to /login and brought back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const location = useLocation();
  if (me.isPending) return <FullScreenSpin />;
  if (me.isError) {
    return (
      <div className="full-screen-center">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  // After an administrator's reset the server answers nothing else until the password is changed.
  if (me.data.mustChangePassword && location.pathname !== passwordPath) {
    return <Navigate to={passwordPath} replace />;
  }
  return children;
}

/** Where to go after login: the page that asked for it, else the start page. */
function redirectTarget(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === "string" && from.startsWith("/") && !from.startsWith("/login")) return from;
  }
  return "/";
}

/** The login page is only for visitors without a session. */
export function RequireGuest({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const location = useLocation();
  if (me.isPending) return <FullScreenSpin />;
  if (me.data) return <Navigate to={redirectTarget(location.state)} replace />;
  return children;
}
