import { z } from "zod";
import { roleSchema } from "./api.schemas.ts";

export const usernameParamsSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{1,50}$/, "Tên đăng nhập chỉ gồm chữ thường, số, . _ -"),
});

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1, "Nhập mật khẩu hiện tại").max(200),
  newPassword: z.string().min(1, "Nhập mật khẩu mới").max(200),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const accountSummarySchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitCode: z.string(),
  active: z.boolean(),
  /** Reset by an administrator and not yet changed by its user. */
  mustChangePassword: z.boolean(),
  /** A demo account, whose password is published. */
  demo: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountStateSchema = z.object({
  username: z.string(),
  active: z.boolean(),
  /** Sessions ended by the change. */
  sessionsEnded: z.number().int(),
});
export type AccountState = z.infer<typeof accountStateSchema>;

export const passwordResetResultSchema = z.object({
  username: z.string(),
  /** Shown once to the administrator, who hands it over; the user must change it at next login. */
  temporaryPassword: z.string(),
  sessionsEnded: z.number().int(),
});
export type PasswordResetResult = z.infer<typeof passwordResetResultSchema>;

export const passwordChangeResultSchema = z.object({
  ok: z.literal(true),
  /** The user's other sessions, ended by the change. */
  sessionsEnded: z.number().int(),
});
export type PasswordChangeResult = z.infer<typeof passwordChangeResultSchema>;
