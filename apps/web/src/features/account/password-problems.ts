import { checkPassword, passwordMaxLength, passwordMinLength } from "@ntm/domain";
import type { Translate } from "../../lib/i18n/i18n-context.tsx";

/**
 * The account rules the page can check as the user types (the domain's rule, without the list
 * of common passwords, which only the server has), in the page's language.
 */
export function passwordProblems(password: string, username: string, t: Translate): string[] {
  return checkPassword(password, { username }).problems.map((problem) => {
    switch (problem.code) {
      case "too-short":
        return t("password.tooShort", { min: passwordMinLength });
      case "too-long":
        return t("password.tooLong", { max: passwordMaxLength });
      case "one-character":
        return t("password.oneCharacter");
      case "contains-username":
        return t("password.containsUsername");
      case "common":
        return problem.reason;
    }
  });
}
