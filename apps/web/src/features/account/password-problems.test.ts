import { describe, expect, it } from "vitest";
import { dictionaries, type MessageKey } from "../../lib/i18n/dictionary.ts";
import { passwordProblems } from "./password-problems.ts";

function translator(language: "vi" | "en") {
  return (key: MessageKey, params: Record<string, string | number> = {}) =>
    dictionaries[language][key].replace(/\{(\w+)\}/g, (_whole, name: string) =>
      String(params[name]),
    );
}

describe("passwordProblems: the account rules as the page checks them", () => {
  it.each([
    ["Ca-phe-Dak-Ha-2024", []],
    ["ngan", ["Mật khẩu cần ít nhất 10 ký tự"]],
    ["aaaaaaaaaaaa", ["Mật khẩu không được chỉ lặp lại một ký tự"]],
    ["lan-dak-pek-2024", ["Mật khẩu không được chứa tên đăng nhập"]],
  ])("%s", (password, problems) => {
    expect(passwordProblems(password, "lan", translator("vi"))).toEqual(problems);
  });

  it("speaks English in the English page", () => {
    expect(passwordProblems("short", "lan", translator("en"))).toEqual([
      "The password needs at least 10 characters",
    ]);
  });

  it("leaves the list of common passwords to the server", () => {
    expect(passwordProblems("1234567890", "lan", translator("vi"))).toEqual([]);
  });
});
