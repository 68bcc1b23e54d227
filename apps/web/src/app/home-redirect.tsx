import { Navigate } from "react-router";
import { useCurrentUser } from "../features/auth/index.ts";

/** "/units" opens the user's own unit. */
export function HomeRedirect() {
  const me = useCurrentUser();
  if (!me.data) return null;
  return <Navigate to={`/units/${encodeURIComponent(me.data.unitCode)}`} replace />;
}
