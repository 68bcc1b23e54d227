import {
  type EntrySheetSave,
  entrySheetResponseSchema,
  entrySheetSaveResponseSchema,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

export function entrySheetQueryKey(code: string, year: number, indicators: string[]) {
  return ["entry-sheet", code, year, indicators.join(",")] as const;
}

export function fetchEntrySheet(
  code: string,
  year: number,
  indicators: string[],
  signal?: AbortSignal,
) {
  return apiRequest(
    apiPath(`/api/units/${encodeURIComponent(code)}/entry-sheet`, {
      year,
      indicators: indicators.join(","),
    }),
    { schema: entrySheetResponseSchema, signal },
  );
}

export function saveEntrySheet(year: number, input: EntrySheetSave) {
  return apiRequest(`/api/assessments/${year}/values-by-unit`, {
    schema: entrySheetSaveResponseSchema,
    method: "POST",
    json: input,
  });
}
