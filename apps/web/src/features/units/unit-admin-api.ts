import {
  unitAdminListSchema,
  unitChangeResultSchema,
  unitHistorySchema,
  type UnitAdminList,
  type UnitChangeInput,
  type UnitChangeResult,
  type UnitHistory,
} from "@ntm/contracts";
import { apiRequest } from "../../lib/api-client.ts";

export const adminUnitsQueryKey = ["units", "admin"] as const;
export const unitHistoryQueryKey = (code: string) => ["units", "versions", code] as const;

export function fetchAdminUnits(signal?: AbortSignal): Promise<UnitAdminList> {
  return apiRequest("/api/admin-units", { schema: unitAdminListSchema, signal });
}

export function fetchUnitHistory(code: string, signal?: AbortSignal): Promise<UnitHistory> {
  return apiRequest(`/api/units/${encodeURIComponent(code)}/versions`, {
    schema: unitHistorySchema,
    signal,
  });
}

export function changeUnit(code: string, input: UnitChangeInput): Promise<UnitChangeResult> {
  return apiRequest(`/api/units/${encodeURIComponent(code)}/changes`, {
    schema: unitChangeResultSchema,
    method: "POST",
    json: input,
  });
}
