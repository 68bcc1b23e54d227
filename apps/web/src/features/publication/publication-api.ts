import {
  publicationResponseSchema,
  type PublicationInput,
  type PublicationResponse,
} from "@ntm/contracts";
import { apiRequest, isApiError } from "../../lib/api-client.ts";

export const publicationQueryKey = (provinceCode: string) => ["publication", provinceCode] as const;

/** The province's choice, or null when the code names no province (an account below it). */
export async function fetchPublication(provinceCode: string): Promise<PublicationResponse | null> {
  try {
    return await apiRequest(`/api/provinces/${encodeURIComponent(provinceCode)}/publication`, {
      schema: publicationResponseSchema,
    });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function savePublication(
  provinceCode: string,
  input: PublicationInput,
): Promise<PublicationResponse> {
  return apiRequest(`/api/provinces/${encodeURIComponent(provinceCode)}/publication`, {
    schema: publicationResponseSchema,
    method: "PUT",
    json: input,
  });
}
