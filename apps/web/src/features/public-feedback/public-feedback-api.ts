import type { FeedbackInput, PublicPostingsResponse } from "@ntm/contracts";
import type { PublicLanguage } from "./public-feedback-messages.ts";

/** A refusal of the server with its message in the language asked for. */
export class PublicRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function refusal(response: Response, fallback: string) {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  return new PublicRequestError(response.status, body?.error?.message ?? fallback);
}

/** The province's postings, or null when it does not publish them (the section then stays away). */
export async function fetchPostings(
  provinceCode: string,
  language: PublicLanguage,
): Promise<PublicPostingsResponse | null> {
  const response = await fetch(
    `/api/public/provinces/${encodeURIComponent(provinceCode)}/postings`,
    { headers: { accept: "application/json", "accept-language": language } },
  );
  if (response.status === 404) return null;
  if (!response.ok) throw await refusal(response, `HTTP ${response.status}`);
  return (await response.json()) as PublicPostingsResponse;
}

export async function sendFeedback(
  dossierId: number,
  input: FeedbackInput,
  language: PublicLanguage,
): Promise<void> {
  const response = await fetch(`/api/public/dossiers/${dossierId}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": language },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw await refusal(response, `HTTP ${response.status}`);
}
