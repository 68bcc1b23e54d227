import type {
  AccountState,
  AccountSummary,
  ChangePasswordInput,
  PasswordChangeResult,
  PasswordResetResult,
} from "@ntm/contracts";
import { apiRequest } from "../../lib/api-client.ts";

export const accountsQueryKey = ["accounts"] as const;

export function changePassword(input: ChangePasswordInput): Promise<PasswordChangeResult> {
  return apiRequest<PasswordChangeResult>("/api/users/me/password", { method: "PUT", json: input });
}

export async function fetchAccounts(): Promise<AccountSummary[]> {
  return (await apiRequest<{ users: AccountSummary[] }>("/api/users")).users;
}

export type AccountAction = "disable" | "enable" | "end-sessions";

export function actOnAccount(username: string, action: AccountAction): Promise<AccountState> {
  return apiRequest<AccountState>(`/api/users/${encodeURIComponent(username)}/${action}`, {
    method: "POST",
  });
}

export function resetPassword(username: string): Promise<PasswordResetResult> {
  return apiRequest<PasswordResetResult>(
    `/api/users/${encodeURIComponent(username)}/reset-password`,
    { method: "POST" },
  );
}
