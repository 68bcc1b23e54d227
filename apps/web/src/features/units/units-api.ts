import {
  type UnitDto,
  type UnitListResponse,
  unitListSchema,
  unitDetailSchema,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

export interface UnitListParams {
  parent?: string;
  asOf: string;
  q?: string;
  level?: UnitDto["level"];
}

export function unitListQueryKey(params: UnitListParams) {
  return ["units", "list", params] as const;
}

export function fetchUnitList(
  params: UnitListParams,
  signal?: AbortSignal,
): Promise<UnitListResponse> {
  return apiRequest(apiPath("/api/units", { ...params }), { schema: unitListSchema, signal });
}

export function unitDetailQueryKey(code: string, asOf: string) {
  return ["units", "detail", code, asOf] as const;
}

export function fetchUnitDetail(code: string, asOf: string, signal?: AbortSignal) {
  return apiRequest(apiPath(`/api/units/${encodeURIComponent(code)}`, { asOf }), {
    schema: unitDetailSchema,
    signal,
  });
}
