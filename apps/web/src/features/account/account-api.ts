import { z } from "zod";
import {
  type AccountState,
  type AccountSummary,
  type ChangePasswordInput,
  type PasswordChangeResult,
  type PasswordResetResult,
  passwordChangeResultSchema,
  accountSummarySchema,
  accountStateSchema,
  passwordResetResultSchema,
} from "@ntm/contracts";
import { apiRequest } from "../../lib/api-client.ts";

export const accountsQueryKey = ["accounts"] as const;

export function changePassword(input: ChangePasswordInput): Promise<PasswordChangeResult> {
  return apiRequest("/api/users/me/password", {
    schema: passwordChangeResultSchema,
    method: "PUT",
    json: input,
  });
}

export async function fetchAccounts(): Promise<AccountSummary[]> {
  return (
    await apiRequest("/api/users", { schema: z.object({ users: z.array(accountSummarySchema) }) })
  ).users;
}

export type AccountAction = "disable" | "enable" | "end-sessions";

export function actOnAccount(username: string, action: AccountAction): Promise<AccountState> {
  return apiRequest(`/api/users/${encodeURIComponent(username)}/${action}`, {
    schema: accountStateSchema,
    method: "POST",
  });
}

export function resetPassword(username: string): Promise<PasswordResetResult> {
  return apiRequest(`/api/users/${encodeURIComponent(username)}/reset-password`, {
    schema: passwordResetResultSchema,
    method: "POST",
  });
}
