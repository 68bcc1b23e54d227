import { communeListResponseSchema } from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";
import type { CommunesFilter } from "./communes-link.ts";

export function communesQueryKey(unit: string, year: number, filter: CommunesFilter) {
  return [queryRoots.summary, "communes", unit, year, filter] as const;
}

export function fetchCommunes(
  unit: string,
  year: number,
  filter: CommunesFilter,
  signal?: AbortSignal,
) {
  return apiRequest(
    apiPath(`/api/units/${encodeURIComponent(unit)}/communes`, { year, ...filter }),
    {
      schema: communeListResponseSchema,
      signal,
    },
  );
}

/** The workbook of the list; with `codes`, only those communes. */
export function communesExportUrl(
  unit: string,
  year: number,
  filter: CommunesFilter,
  codes?: readonly string[],
) {
  return apiPath(`/api/units/${encodeURIComponent(unit)}/communes.xlsx`, {
    year,
    ...filter,
    codes: codes?.join(","),
  });
}
