import { z } from "zod";
import {
  evidenceSchema,
  villageListResponseSchema,
  villageSchema,
  villageScorecardResponseSchema,
  villageSummaryResponseSchema,
  type VillageCreateInput,
  type VillageRecognitionActionInput,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

const enc = encodeURIComponent;

export const villageKeys = {
  all: ["villages"] as const,
  summary: (code: string, year: number) => ["villages", "summary", code, year] as const,
  list: (code: string, year: number) => ["villages", "list", code, year] as const,
  card: (code: string, setCode: string, year: number) =>
    ["villages", "card", code, setCode, year] as const,
  evidence: (code: string, setCode: string, year: number) =>
    ["villages", "evidence", code, setCode, year] as const,
};

export const fetchVillageSummary = (code: string, year: number, signal?: AbortSignal) =>
  apiRequest(apiPath(`/api/units/${enc(code)}/villages-summary`, { year }), {
    schema: villageSummaryResponseSchema,
    signal,
  });

export const fetchVillages = (code: string, year: number, signal?: AbortSignal) =>
  apiRequest(apiPath(`/api/communes/${enc(code)}/villages`, { year }), {
    schema: villageListResponseSchema,
    signal,
  });

export const fetchVillageCard = (
  code: string,
  setCode: string,
  year: number,
  signal?: AbortSignal,
) =>
  apiRequest(`/api/villages/${enc(code)}/sets/${enc(setCode)}/assessments/${year}`, {
    schema: villageScorecardResponseSchema,
    signal,
  });

export const createVillage = (communeCode: string, input: VillageCreateInput) =>
  apiRequest(`/api/communes/${enc(communeCode)}/villages`, {
    method: "POST",
    json: input,
    schema: villageSchema,
  });

export const saveVillageValues = (
  code: string,
  setCode: string,
  year: number,
  body: { version: number; values: { indicatorCode: string; value: number | boolean | null }[] },
) =>
  apiRequest(`/api/villages/${enc(code)}/sets/${enc(setCode)}/assessments/${year}/values`, {
    method: "PUT",
    json: body,
    schema: villageScorecardResponseSchema,
  });

export const actOnRecognition = (
  code: string,
  setCode: string,
  action: VillageRecognitionActionInput,
) =>
  apiRequest(`/api/villages/${enc(code)}/recognitions/${enc(setCode)}`, {
    method: "POST",
    json: action,
    schema: villageScorecardResponseSchema,
  });

const villageEvidenceListSchema = z.object({
  files: z.array(evidenceSchema),
  canWrite: z.boolean(),
});

const evidencePath = (code: string, setCode: string, year: number) =>
  `/api/villages/${enc(code)}/sets/${enc(setCode)}/assessments/${year}/evidence`;

export const fetchVillageEvidence = (
  code: string,
  setCode: string,
  year: number,
  signal?: AbortSignal,
) => apiRequest(evidencePath(code, setCode, year), { schema: villageEvidenceListSchema, signal });
