import type { QueryClient } from "@tanstack/react-query";
import {
  catalogSetDetailSchema,
  joinScorecard,
  scorecardResponseSchema,
  valueHistoryResponseSchema,
  type Scorecard,
  type ScorecardResponse,
} from "@ntm/contracts";
import type { CriteriaSet } from "@ntm/domain";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";
import { setVersionPath } from "./set-version-path.ts";

const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;

export function scorecardQueryKey(code: string, year: number) {
  return [queryRoots.scorecard, code, year] as const;
}

/** The commune's own answer: values, outcome letters and the id of the set that explains them. */
export function fetchScorecard(code: string, year: number, signal?: AbortSignal) {
  return apiRequest(apiPath(`${unitPath(code)}/scorecard`, { year }), {
    schema: scorecardResponseSchema,
    signal,
  });
}

export function setVersionQueryKey(id: number) {
  return ["set-version", id] as const;
}

/** A stored set version never changes: read once per id, never refetched, never dropped. */
function setVersionQuery(id: number) {
  return {
    queryKey: setVersionQueryKey(id),
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<CriteriaSet> =>
      (await apiRequest(setVersionPath(id), { schema: catalogSetDetailSchema, signal })).definition,
    staleTime: Infinity,
    gcTime: Infinity,
  };
}

/** A set version's definition, read once per id for the whole visit. */
export function readSetVersion(client: QueryClient, id: number): Promise<CriteriaSet> {
  return client.ensureQueryData(setVersionQuery(id));
}

/** The answer joined with its set version. */
export async function joinWithSet(
  client: QueryClient,
  answer: ScorecardResponse,
): Promise<Scorecard> {
  return joinScorecard(answer, await readSetVersion(client, answer.set.id));
}

/** The scorecard as the pages show it: the commune's answer and its set version, joined. */
export async function readScorecard(
  client: QueryClient,
  code: string,
  year: number,
  signal?: AbortSignal,
): Promise<Scorecard> {
  return joinWithSet(client, await fetchScorecard(code, year, signal));
}

/**
 * Puts a save's answer in place of the scorecard on screen: joined at once when its set version
 * is held, else read again.
 */
export function storeScorecardAnswer(
  client: QueryClient,
  key: { code: string; year: number },
  answer: ScorecardResponse,
): void {
  const queryKey = scorecardQueryKey(key.code, key.year);
  const set = client.getQueryData<CriteriaSet>(setVersionQueryKey(answer.set.id));
  if (set) client.setQueryData(queryKey, joinScorecard(answer, set));
  else void client.invalidateQueries({ queryKey });
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
