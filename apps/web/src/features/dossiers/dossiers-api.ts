import { z } from "zod";
import {
  type MergerDecisionInput,
  dossierSummarySchema,
  inboxItemSchema,
  batchSchema,
  dossierDetailSchema,
  watchResponseSchema,
  notificationEmailSchema,
  mergedUnitSchema,
  mergerDetailSchema,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

export const dossierKeys = {
  all: ["dossiers"] as const,
  list: () => ["dossiers", "list"] as const,
  inbox: () => ["dossiers", "inbox"] as const,
  batches: () => ["dossiers", "batches"] as const,
  detail: (id: number) => ["dossiers", "detail", id] as const,
  watch: (unit: string, year: number) => ["dossiers", "watch", unit, year] as const,
  email: () => ["dossiers", "notification-email"] as const,
};

export const fetchDossiers = (signal?: AbortSignal) =>
  apiRequest("/api/dossiers", { schema: z.array(dossierSummarySchema), signal });
export const fetchInbox = (signal?: AbortSignal) =>
  apiRequest("/api/dossiers/inbox", { schema: z.array(inboxItemSchema), signal });
export const fetchBatches = (signal?: AbortSignal) =>
  apiRequest("/api/dossier-batches", { schema: z.array(batchSchema), signal });
export const fetchDossier = (id: number, signal?: AbortSignal) =>
  apiRequest(`/api/dossiers/${id}`, { schema: dossierDetailSchema, signal });
export const fetchWatch = (unit: string, year: number, signal?: AbortSignal) =>
  apiRequest(apiPath("/api/watch/revocation", { unit, year }), {
    schema: watchResponseSchema,
    signal,
  });

export const createDossier = (input: {
  kind: "recognition" | "revocation";
  unitCode: string;
  year: number;
  requestedLevel?: string;
  batchId: number;
}) => apiRequest("/api/dossiers", { schema: dossierDetailSchema, method: "POST", json: input });

export const completeStep = (id: number, step: string, data: unknown) =>
  apiRequest(`/api/dossiers/${id}/steps/${step}/complete`, {
    schema: dossierDetailSchema,
    method: "POST",
    json: data,
  });

export const returnDossier = (
  id: number,
  reasons: { criterionCode?: string; document?: string; text: string }[],
) =>
  apiRequest(`/api/dossiers/${id}/return`, {
    schema: dossierDetailSchema,
    method: "POST",
    json: { reasons },
  });

export const confirmCriteria = (id: number, criteria: string[]) =>
  apiRequest(`/api/dossiers/${id}/confirmations`, {
    schema: dossierDetailSchema,
    method: "POST",
    json: { criteria },
  });

export const uploadScan = (id: number, stepCode: string, file: File) => {
  const form = new FormData();
  form.append("stepCode", stepCode);
  form.append("file", file);
  return apiRequest(`/api/dossiers/${id}/documents`, { method: "POST", form });
};

export const fetchNotificationEmail = (signal?: AbortSignal) =>
  apiRequest("/api/notification-email", { schema: notificationEmailSchema, signal });

export const saveNotificationEmail = (email: string | null) =>
  apiRequest("/api/notification-email", {
    schema: notificationEmailSchema,
    method: "PUT",
    json: { email },
  });

export const mergerKeys = {
  list: () => ["dossiers", "mergers"] as const,
  detail: (code: string) => ["dossiers", "mergers", code] as const,
};

export const fetchMergedUnits = (signal?: AbortSignal) =>
  apiRequest("/api/mergers", { schema: z.array(mergedUnitSchema), signal });
export const fetchMerger = (code: string, signal?: AbortSignal) =>
  apiRequest(`/api/units/${encodeURIComponent(code)}/merger`, {
    schema: mergerDetailSchema,
    signal,
  });
export const recogniseMerger = (code: string, input: MergerDecisionInput) =>
  apiRequest(`/api/units/${encodeURIComponent(code)}/merger-recognition`, {
    schema: mergerDetailSchema,
    method: "POST",
    json: input,
  });
