import { useQuery } from "@tanstack/react-query";
import type {
  PublicCommuneCriteria,
  PublicCommunes,
  PublicCriteria,
  PublicDecisions,
  PublicProvince,
  PublicProvinceList,
  PublicTargets,
} from "@ntm/contracts";
import { apiRequest, isApiError } from "../../lib/api-client.ts";

const base = "/api/public/provinces";

/** Reads a public answer; null when the province has not published it (404). */
async function readPublic<T>(path: string): Promise<T | null> {
  try {
    return await apiRequest<T>(path);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

const publicQuery = <T>(key: readonly unknown[], path: string, enabled = true) => ({
  queryKey: ["public", ...key],
  queryFn: () => readPublic<T>(path),
  enabled,
  staleTime: 5 * 60_000,
});

export const useProvinces = () => useQuery(publicQuery<PublicProvinceList>(["provinces"], base));

export const useProvince = (code: string) =>
  useQuery(publicQuery<PublicProvince>(["province", code], `${base}/${code}`));

const yearPath = (code: string, year: number, part: string) =>
  `${base}/${code}/years/${year}/${part}`;

export const useCommunes = (code: string, year: number, enabled: boolean) =>
  useQuery(
    publicQuery<PublicCommunes>(
      ["communes", code, year],
      yearPath(code, year, "communes"),
      enabled,
    ),
  );

export const useCriteria = (code: string, year: number, enabled: boolean) =>
  useQuery(
    publicQuery<PublicCriteria>(
      ["criteria", code, year],
      yearPath(code, year, "criteria"),
      enabled,
    ),
  );

export const useCommuneCriteria = (code: string, year: number, commune: string) =>
  useQuery(
    publicQuery<PublicCommuneCriteria>(
      ["commune", code, year, commune],
      yearPath(code, year, `criteria/${encodeURIComponent(commune)}`),
    ),
  );

export const useDecisions = (code: string, year: number, enabled: boolean) =>
  useQuery(
    publicQuery<PublicDecisions>(
      ["decisions", code, year],
      yearPath(code, year, "decisions"),
      enabled,
    ),
  );

export const useTargets = (code: string, year: number, enabled: boolean) =>
  useQuery(
    publicQuery<PublicTargets>(["targets", code, year], yearPath(code, year, "targets"), enabled),
  );
