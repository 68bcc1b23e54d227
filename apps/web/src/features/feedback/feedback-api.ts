import {
  dossierFeedbackSummarySchema,
  feedbackItemSchema,
  feedbackListResponseSchema,
  type DossierFeedbackSummary,
  type FeedbackItemDto,
  type FeedbackListResponse,
  type ModerationInput,
} from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";

export type FeedbackFilter = "pending" | "approved" | "hidden" | "all";

export const feedbackKeys = {
  all: ["feedback"] as const,
  list: (status: FeedbackFilter, dossier: number | null) =>
    ["feedback", "list", status, dossier] as const,
  summary: (dossierId: number) => ["feedback", "summary", dossierId] as const,
};

export function fetchFeedback(
  status: FeedbackFilter,
  dossier: number | null,
): Promise<FeedbackListResponse> {
  return apiRequest(
    apiPath("/api/feedback", { status: status === "all" ? null : status, dossier }),
    { schema: feedbackListResponseSchema },
  );
}

export function moderateFeedback(id: number, input: ModerationInput): Promise<FeedbackItemDto> {
  return apiRequest(`/api/feedback/${id}/moderation`, {
    method: "POST",
    json: input,
    schema: feedbackItemSchema,
  });
}

export function fetchFeedbackSummary(dossierId: number): Promise<DossierFeedbackSummary> {
  return apiRequest(`/api/dossiers/${dossierId}/feedback-summary`, {
    schema: dossierFeedbackSummarySchema,
  });
}
