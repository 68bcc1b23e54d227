import {
  ocopCatalogSchema,
  ocopListResponseSchema,
  ocopProductDetailSchema,
  type OcopCatalog,
  type OcopListResponse,
  type OcopProductDetail,
  type OcopProductInput,
  type OcopReevaluateInput,
  type OcopRevokeInput,
  unitListSchema,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

export interface OcopFilters {
  unitCode: string;
  group: string | null;
  stars: number | null;
  commune: string | null;
  expiringWithin: number | null;
  status: string | null;
  q: string;
  asOf: string;
}

export const ocopKeys = {
  all: ["ocop"] as const,
  list: (filters: OcopFilters) => ["ocop", "list", filters] as const,
  product: (id: number, asOf: string) => ["ocop", "product", id, asOf] as const,
  catalog: ["ocop", "catalog"] as const,
};

function listParams(filters: OcopFilters) {
  return {
    unitCode: filters.unitCode,
    group: filters.group,
    stars: filters.stars,
    commune: filters.commune,
    expiringWithin: filters.expiringWithin,
    status: filters.status,
    q: filters.q,
    asOf: filters.asOf,
  };
}

export function fetchOcopList(filters: OcopFilters): Promise<OcopListResponse> {
  return apiRequest(apiPath("/api/ocop/products", listParams(filters)), {
    schema: ocopListResponseSchema,
  });
}

/** The export of the list as filtered, as a link the browser downloads. */
export function ocopExportHref(filters: OcopFilters): string {
  return apiPath("/api/ocop/products.xlsx", listParams(filters));
}

export function fetchOcopProduct(id: number, asOf: string): Promise<OcopProductDetail> {
  return apiRequest(apiPath(`/api/ocop/products/${id}`, { asOf }), {
    schema: ocopProductDetailSchema,
  });
}

export function fetchOcopCatalog(): Promise<OcopCatalog> {
  return apiRequest("/api/ocop/catalog", { schema: ocopCatalogSchema });
}

export function registerOcopProduct(input: OcopProductInput): Promise<OcopProductDetail> {
  return apiRequest("/api/ocop/products", {
    method: "POST",
    json: input,
    schema: ocopProductDetailSchema,
  });
}

export function reevaluateOcopProduct(
  id: number,
  input: OcopReevaluateInput,
): Promise<OcopProductDetail> {
  return apiRequest(`/api/ocop/products/${id}/reevaluations`, {
    method: "POST",
    json: input,
    schema: ocopProductDetailSchema,
  });
}

export function revokeOcopProduct(id: number, input: OcopRevokeInput): Promise<OcopProductDetail> {
  return apiRequest(`/api/ocop/products/${id}/revocation`, {
    method: "POST",
    json: input,
    schema: ocopProductDetailSchema,
  });
}

/** Communes in force on a date whose name matches the search, for the commune picker. */
export async function searchCommunes(q: string, asOf: string) {
  const answer = await apiRequest(apiPath("/api/units", { q, asOf, level: "commune" }), {
    schema: unitListSchema,
  });
  return answer.units;
}

/**
 * Where a province's list (.xlsx, the export's columns) is sent to be imported by a background
 * job: all rows are saved or none.
 */
export const ocopImportPath = (unitCode: string) =>
  apiPath("/api/ocop/import", { unitCode, background: "true" });
