import { useQuery } from "@tanstack/react-query";
import { fetchScorecard, scorecardQueryKey } from "./scorecard-api.ts";

export function useScorecard(code: string, year: number) {
  return useQuery({
    queryKey: scorecardQueryKey(code, year),
    queryFn: ({ signal }) => fetchScorecard(code, year, signal),
  });
}
