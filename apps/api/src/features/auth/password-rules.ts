import { dictionary } from "@zxcvbn-ts/language-common";
import {
  checkPassword,
  passwordMaxLength,
  passwordMinLength,
  type PasswordProblem,
} from "@ntm/domain";
import { invalid } from "../../http/app-error.ts";

/** The 49,233 most common passwords of public breach corpora, as kept by zxcvbn-ts. */
let commonPasswords: ReadonlySet<string> | undefined;
function isCommon(lowered: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords.has(lowered);
}

const english: Record<PasswordProblem, string> = {
  "too-short": `The password needs at least ${passwordMinLength} characters.`,
  "too-long": `The password may have at most ${passwordMaxLength} characters.`,
  "one-character": "The password may not repeat a single character.",
  "contains-username": "The password may not contain the username.",
  common: "This password is on the list of common passwords and easy to guess; choose another.",
};

/** Refuses a new password that breaks the account rules, naming every rule it breaks. */
export function assertPasswordAllowed(password: string, username: string, field = "password") {
  const check = checkPassword(password, { username, isCommon });
  if (check.ok) return;
  throw invalid(
    check.problems.map((problem) => problem.reason).join(" "),
    check.problems.map((problem) => english[problem.code]).join(" "),
    check.problems.map((problem) => ({ path: field, message: problem.reason })),
  );
}
