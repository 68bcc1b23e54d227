import { type CurrentUser, type LoginInput, currentUserSchema } from "@ntm/contracts";
import { apiRequest, isApiError } from "../../lib/api-client.ts";

export const meQueryKey = ["auth", "me"] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<CurrentUser | null> {
  try {
    return await apiRequest("/api/auth/me", { schema: currentUserSchema });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function login(input: LoginInput): Promise<CurrentUser> {
  return apiRequest("/api/auth/login", { schema: currentUserSchema, method: "POST", json: input });
}

export function logout(): Promise<unknown> {
  return apiRequest("/api/auth/logout", { method: "POST" });
}
