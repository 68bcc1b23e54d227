import { z } from "zod";
import {
  type PlanInput,
  type TargetInput,
  targetSchema,
  targetsDashboardResponseSchema,
  planResponseSchema,
  unitMapResponseSchema,
  unitComparisonResponseSchema,
  departmentListItemSchema,
  departmentCriteriaStatusResponseSchema,
  planRollupResponseSchema,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";

export function dashboardQueryKey(code: string, year: number) {
  return [queryRoots.summary, "targets-dashboard", code, year] as const;
}

export function fetchDashboard(code: string, year: number, signal?: AbortSignal) {
  return apiRequest(apiPath(`/api/units/${encodeURIComponent(code)}/dashboard`, { year }), {
    schema: targetsDashboardResponseSchema,
    signal,
  });
}

export function fetchPlan(code: string, year: number, signal?: AbortSignal) {
  return apiRequest(`/api/units/${encodeURIComponent(code)}/plans/${year}`, {
    schema: planResponseSchema,
    signal,
  });
}

export function targetsExportUrl(code: string, year: number) {
  return apiPath(`/api/units/${encodeURIComponent(code)}/targets.xlsx`, { year });
}

export function dashboardExportUrl(code: string, year: number) {
  return apiPath(`/api/units/${encodeURIComponent(code)}/dashboard.xlsx`, { year });
}

export function mapQueryKey(code: string, year: number, show: "communes" | "children") {
  return [queryRoots.summary, "targets-map", code, year, show] as const;
}

export function fetchMap(
  code: string,
  year: number,
  show: "communes" | "children",
  signal?: AbortSignal,
) {
  return apiRequest(apiPath(`/api/units/${encodeURIComponent(code)}/map`, { year, show }), {
    schema: unitMapResponseSchema,
    signal,
  });
}

export function fetchComparison(code: string, signal?: AbortSignal) {
  return apiRequest(`/api/units/${encodeURIComponent(code)}/comparison`, {
    schema: unitComparisonResponseSchema,
    signal,
  });
}

export function comparisonExportUrl(code: string) {
  return `/api/units/${encodeURIComponent(code)}/comparison.xlsx`;
}

export function fetchDepartments(signal?: AbortSignal) {
  return apiRequest("/api/departments", { schema: z.array(departmentListItemSchema), signal });
}

export function fetchDepartmentStatus(id: number, year: number, signal?: AbortSignal) {
  return apiRequest(apiPath(`/api/departments/${id}/criteria-status`, { year }), {
    schema: departmentCriteriaStatusResponseSchema,
    signal,
  });
}

export function departmentExportUrl(id: number, year: number) {
  return apiPath(`/api/departments/${id}/criteria-status.xlsx`, { year });
}

export function fetchRollup(code: string, year: number, signal?: AbortSignal) {
  return apiRequest(`/api/units/${encodeURIComponent(code)}/plans/${year}/rollup`, {
    schema: planRollupResponseSchema,
    signal,
  });
}

export function rollupExportUrl(code: string, year: number) {
  return `/api/units/${encodeURIComponent(code)}/plans/${year}/rollup.xlsx`;
}

export function savePlan(code: string, year: number, input: PlanInput) {
  return apiRequest(`/api/units/${encodeURIComponent(code)}/plans/${year}`, {
    schema: planResponseSchema,
    method: "PUT",
    json: input,
  });
}

/** Sets a target, or changes one with the version read (a stale version is refused, 409). */
export function saveTarget(input: TargetInput, existing: { id: number; version: number } | null) {
  return existing
    ? apiRequest(`/api/targets/${existing.id}`, {
        schema: targetSchema,
        method: "PUT",
        json: { version: existing.version, target: input },
      })
    : apiRequest("/api/targets", { schema: targetSchema, method: "POST", json: input });
}
