import { batchSchema, filingCheckSchema, filingOptionsSchema } from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

type Kind = "recognition" | "revocation";

/** Under `dossierKeys.all`, so filing a dossier or opening a batch refreshes them. */
export const filingKeys = {
  options: (kind: Kind) => ["dossiers", "filing", "options", kind] as const,
  check: (unit: string, year: number, level: string) =>
    ["dossiers", "filing", "check", unit, year, level] as const,
};

export const fetchFilingOptions = (kind: Kind, signal?: AbortSignal) =>
  apiRequest(apiPath("/api/dossiers/filing-options", { kind }), {
    schema: filingOptionsSchema,
    signal,
  });

export const fetchFilingCheck = (unit: string, year: number, level: string, signal?: AbortSignal) =>
  apiRequest(apiPath("/api/dossiers/filing-check", { unit, year, level }), {
    schema: filingCheckSchema,
    signal,
  });

export const createBatch = (input: {
  provinceCode: string;
  name: string;
  year: number;
  deadline: string;
}) => apiRequest("/api/dossier-batches", { schema: batchSchema, method: "POST", json: input });
