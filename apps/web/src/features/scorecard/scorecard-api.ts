import {
  type ValuesInput,
  scorecardResponseSchema,
  evidenceSchema,
  valueHistoryResponseSchema,
  okResponseSchema,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";

const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;

export function scorecardQueryKey(code: string, year: number) {
  return [queryRoots.scorecard, code, year] as const;
}

export function fetchScorecard(code: string, year: number, signal?: AbortSignal) {
  return apiRequest(apiPath(`${unitPath(code)}/scorecard`, { year }), {
    schema: scorecardResponseSchema,
    signal,
  });
}

export function saveValues(code: string, year: number, input: ValuesInput) {
  return apiRequest(`${unitPath(code)}/assessments/${year}/values`, {
    schema: scorecardResponseSchema,
    method: "PUT",
    json: input,
  });
}

export function uploadEvidence(code: string, year: number, indicatorCode: string, file: File) {
  const form = new FormData();
  // The server reads the fields in order: the indicator must come before the file.
  form.append("indicatorCode", indicatorCode);
  form.append("file", file, file.name);
  return apiRequest(`${unitPath(code)}/assessments/${year}/evidence`, {
    schema: evidenceSchema,
    method: "POST",
    form,
  });
}

export function deleteEvidence(id: number) {
  return apiRequest(`/api/evidence/${id}`, { method: "DELETE", schema: okResponseSchema });
}

export function evidenceUrl(id: number): string {
  return `/api/evidence/${id}`;
}

export function historyQueryKey(code: string, year: number, indicatorCode: string) {
  return [queryRoots.history, code, year, indicatorCode] as const;
}

export function fetchHistory(
  code: string,
  year: number,
  indicatorCode: string,
  signal?: AbortSignal,
) {
  return apiRequest(
    apiPath(`${unitPath(code)}/assessments/${year}/history`, { indicator: indicatorCode }),
    { schema: valueHistoryResponseSchema, signal },
  );
}
