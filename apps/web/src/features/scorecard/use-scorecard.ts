import { useQuery } from "@tanstack/react-query";
import { readScorecard, scorecardQueryKey } from "./scorecard-api.ts";

export function useScorecard(code: string, year: number) {
  return useQuery({
    queryKey: scorecardQueryKey(code, year),
    queryFn: ({ client, signal }) => readScorecard(client, code, year, signal),
  });
}
