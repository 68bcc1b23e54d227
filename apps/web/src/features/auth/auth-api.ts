import type { CurrentUser, LoginInput } from "@ntm/contracts";
import { apiRequest, checkAnswer, isApiError } from "../../lib/api-client.ts";

export const meQueryKey = ["auth", "me"] as const;

/**
 * The contracts' schemas come with the validation library, a large script: the login screen and
 * the session check load them beside the request (or after it), not before their first paint.
 */
const contracts = () => import("@ntm/contracts");

let announceSession: (answer: unknown) => void = () => undefined;

/**
 * Settles when the server first answers that there is a session, before its answer is checked:
 * the pages behind the login can start loading then.
 */
export const sessionSeen = new Promise<unknown>((resolve) => (announceSession = resolve));

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<CurrentUser | null> {
  let answer: unknown;
  try {
    answer = await apiRequest<unknown>("/api/auth/me");
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
  announceSession(answer);
  return checkAnswer((await contracts()).currentUserSchema, answer);
}

export async function login(input: LoginInput): Promise<CurrentUser> {
  const [answer, { currentUserSchema }] = await Promise.all([
    apiRequest<unknown>("/api/auth/login", { method: "POST", json: input }),
    contracts(),
  ]);
  return checkAnswer(currentUserSchema, answer);
}

export function logout(): Promise<unknown> {
  return apiRequest("/api/auth/logout", { method: "POST" });
}
