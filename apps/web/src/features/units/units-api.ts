import type { UnitDetail, UnitDto } from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

interface UnitList {
  asOf: string;
  units: UnitDto[];
}

export interface UnitListParams {
  parent?: string;
  asOf: string;
  q?: string;
  level?: UnitDto["level"];
}

export function unitListQueryKey(params: UnitListParams) {
  return ["units", "list", params] as const;
}

export function fetchUnitList(params: UnitListParams, signal?: AbortSignal): Promise<UnitList> {
  return apiRequest<UnitList>(apiPath("/api/units", { ...params }), { signal });
}

export function unitDetailQueryKey(code: string, asOf: string) {
  return ["units", "detail", code, asOf] as const;
}

export function fetchUnitDetail(code: string, asOf: string, signal?: AbortSignal) {
  return apiRequest<UnitDetail>(apiPath(`/api/units/${encodeURIComponent(code)}`, { asOf }), {
    signal,
  });
}
