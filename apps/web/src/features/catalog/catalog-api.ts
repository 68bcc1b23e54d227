import {
  carryOverResponseSchema,
  catalogImportResultSchema,
  catalogSetDetailSchema,
  catalogSetListResponseSchema,
  type CarryOverInput,
  type CarryOverResponse,
  type CatalogImportResult,
  type CatalogOverrideInput,
  type CatalogSetDetail,
  type CatalogSetSummary,
} from "@ntm/contracts";
import { apiRequest } from "../../lib/api-client.ts";

export const catalogSetsQueryKey = ["catalog", "sets"] as const;
export const carryOverQueryKey = ["catalog", "carry-over"] as const;

export async function fetchSets(): Promise<CatalogSetSummary[]> {
  return (await apiRequest("/api/catalog/sets", { schema: catalogSetListResponseSchema })).sets;
}

export function fetchSet(id: number): Promise<CatalogSetDetail> {
  return apiRequest(`/api/catalog/sets/${id}`, { schema: catalogSetDetailSchema });
}

export function createProvincialVersion(input: CatalogOverrideInput): Promise<CatalogImportResult> {
  return apiRequest("/api/catalog/provincial-versions", {
    schema: catalogImportResultSchema,
    method: "POST",
    json: input,
  });
}

export function fetchCarryOver(): Promise<CarryOverResponse> {
  return apiRequest("/api/catalog/carry-over", { schema: carryOverResponseSchema });
}

export function saveCarryOver(
  provinceCode: string,
  input: CarryOverInput,
): Promise<CarryOverResponse> {
  return apiRequest(`/api/catalog/carry-over/${encodeURIComponent(provinceCode)}`, {
    schema: carryOverResponseSchema,
    method: "PUT",
    json: input,
  });
}
