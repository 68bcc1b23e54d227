import type { PlanResponse, TargetsDashboardResponse } from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";

export function dashboardQueryKey(code: string, year: number) {
  return [queryRoots.summary, "targets-dashboard", code, year] as const;
}

export function fetchDashboard(code: string, year: number, signal?: AbortSignal) {
  return apiRequest<TargetsDashboardResponse>(
    apiPath(`/api/units/${encodeURIComponent(code)}/dashboard`, { year }),
    { signal },
  );
}

export function fetchPlan(code: string, year: number, signal?: AbortSignal) {
  return apiRequest<PlanResponse>(`/api/units/${encodeURIComponent(code)}/plans/${year}`, {
    signal,
  });
}

export function targetsExportUrl(code: string, year: number) {
  return apiPath(`/api/units/${encodeURIComponent(code)}/targets.xlsx`, { year });
}
