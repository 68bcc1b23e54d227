export const passwordMinLength = 10;
export const passwordMaxLength = 200;

export type PasswordProblem =
  "too-short" | "too-long" | "one-character" | "contains-username" | "common";

export interface PasswordCheck {
  ok: boolean;
  /** Every rule the password breaks, each with its reason in Vietnamese. */
  problems: { code: PasswordProblem; reason: string }[];
}

const reasons: Record<PasswordProblem, string> = {
  "too-short": `Mật khẩu cần ít nhất ${passwordMinLength} ký tự.`,
  "too-long": `Mật khẩu dài tối đa ${passwordMaxLength} ký tự.`,
  "one-character": "Mật khẩu không được chỉ lặp lại một ký tự.",
  "contains-username": "Mật khẩu không được chứa tên đăng nhập.",
  common: "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.",
};

/**
 * Checks a new password against the account rules. The list of common passwords is passed in
 * (the server has it; a page that leaves it out still checks the other rules).
 */
export function checkPassword(
  password: string,
  context: { username: string; isCommon?: (lowercased: string) => boolean },
): PasswordCheck {
  const lowered = password.toLowerCase();
  const username = context.username.trim().toLowerCase();
  const codes: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < passwordMinLength) codes.push("too-short");
  if (length > passwordMaxLength) codes.push("too-long");
  if (length > 0 && new Set(password).size === 1) codes.push("one-character");
  if (username.length > 0 && lowered.includes(username)) codes.push("contains-username");
  if (context.isCommon?.(lowered)) codes.push("common");
  return {
    ok: codes.length === 0,
    problems: codes.map((code) => ({ code, reason: reasons[code] })),
  };
}
