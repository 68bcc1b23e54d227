import { currentUserSchema } from "@ntm/contracts";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router";
import { PageLoading } from "../../components/page-loading.tsx";
import { apiRequest } from "../../lib/api-client.ts";

/** /targets opens the targets of the user's own unit; a department opens its own view. */
export function TargetsIndex() {
  const me = useQuery({
    queryKey: ["targets", "me"],
    queryFn: ({ signal }) => apiRequest("/api/auth/me", { schema: currentUserSchema, signal }),
  });
  if (!me.data) return <PageLoading />;
  if (me.data.role === "department") return <Navigate to="/departments" replace />;
  return <Navigate to={`/targets/${encodeURIComponent(me.data.unitCode)}`} replace />;
}
