import { summaryResponseSchema } from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";

export function summaryQueryKey(code: string, year: number, below: number) {
  return [queryRoots.summary, code, year, below] as const;
}

export function fetchSummary(code: string, year: number, below: number, signal?: AbortSignal) {
  return apiRequest(apiPath(`/api/units/${encodeURIComponent(code)}/summary`, { year, below }), {
    schema: summaryResponseSchema,
    signal,
  });
}
