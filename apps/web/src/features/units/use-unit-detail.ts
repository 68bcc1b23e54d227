import { useQuery } from "@tanstack/react-query";
import { asOfForYear, useYear } from "../../lib/year-context.tsx";
import { fetchUnitDetail, unitDetailQueryKey } from "./units-api.ts";

/** A unit with its path, as of the end of the selected year. */
export function useUnitDetail(code: string | undefined) {
  const { year } = useYear();
  const asOf = asOfForYear(year);
  return useQuery({
    queryKey: unitDetailQueryKey(code ?? "", asOf),
    queryFn: ({ signal }) => fetchUnitDetail(code ?? "", asOf, signal),
    enabled: Boolean(code),
    staleTime: 10 * 60_000,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === code ? previous : undefined,
  });
}
