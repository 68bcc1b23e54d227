import type {
  BatchDto,
  DossierDetailDto,
  DossierSummaryDto,
  InboxItemDto,
  MergedUnitDto,
  MergerDecisionInput,
  MergerDetailDto,
  WatchResponse,
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
  apiRequest<DossierSummaryDto[]>("/api/dossiers", { signal });
export const fetchInbox = (signal?: AbortSignal) =>
  apiRequest<InboxItemDto[]>("/api/dossiers/inbox", { signal });
export const fetchBatches = (signal?: AbortSignal) =>
  apiRequest<BatchDto[]>("/api/dossier-batches", { signal });
export const fetchDossier = (id: number, signal?: AbortSignal) =>
  apiRequest<DossierDetailDto>(`/api/dossiers/${id}`, { signal });
export const fetchWatch = (unit: string, year: number, signal?: AbortSignal) =>
  apiRequest<WatchResponse>(apiPath("/api/watch/revocation", { unit, year }), { signal });

export const createDossier = (input: {
  kind: "recognition" | "revocation";
  unitCode: string;
  year: number;
  requestedLevel?: string;
  batchId: number;
}) => apiRequest<DossierDetailDto>("/api/dossiers", { method: "POST", json: input });

export const completeStep = (id: number, step: string, data: unknown) =>
  apiRequest<DossierDetailDto>(`/api/dossiers/${id}/steps/${step}/complete`, {
    method: "POST",
    json: data,
  });

export const returnDossier = (
  id: number,
  reasons: { criterionCode?: string; document?: string; text: string }[],
) =>
  apiRequest<DossierDetailDto>(`/api/dossiers/${id}/return`, { method: "POST", json: { reasons } });

export const confirmCriteria = (id: number, criteria: string[]) =>
  apiRequest<DossierDetailDto>(`/api/dossiers/${id}/confirmations`, {
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
  apiRequest<{ email: string | null }>("/api/notification-email", { signal });

export const saveNotificationEmail = (email: string | null) =>
  apiRequest<{ email: string | null }>("/api/notification-email", {
    method: "PUT",
    json: { email },
  });

export const mergerKeys = {
  list: () => ["dossiers", "mergers"] as const,
  detail: (code: string) => ["dossiers", "mergers", code] as const,
};

export const fetchMergedUnits = (signal?: AbortSignal) =>
  apiRequest<MergedUnitDto[]>("/api/mergers", { signal });
export const fetchMerger = (code: string, signal?: AbortSignal) =>
  apiRequest<MergerDetailDto>(`/api/units/${encodeURIComponent(code)}/merger`, { signal });
export const recogniseMerger = (code: string, input: MergerDecisionInput) =>
  apiRequest<MergerDetailDto>(`/api/units/${encodeURIComponent(code)}/merger-recognition`, {
    method: "POST",
    json: input,
  });
