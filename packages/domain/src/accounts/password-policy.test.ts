import { describe, expect, it } from "vitest";
import { checkPassword, type PasswordProblem } from "./password-policy.ts";

const common = new Set(["password1234", "1234567890", "qwertyuiop"]);
const isCommon = (lowered: string) => common.has(lowered);

describe("checkPassword", () => {
  it.each<[string, string, PasswordProblem[]]>([
    ["a long unusual password", "Lúa-nước-2024-đồng", []],
    ["exactly ten characters", "rau-muong7", []],
    ["nine characters", "rau-muong", ["too-short"]],
    ["the classic 12345678", "12345678", ["too-short"]],
    ["a common password of ten characters", "1234567890", ["common"]],
    ["a common password in other case", "PassWord1234", ["common"]],
    ["the user name inside", "x-huyen-2024-abc", ["contains-username"]],
    ["the user name in capitals", "HUYEN-dak-glei", ["contains-username"]],
    ["one repeated character", "aaaaaaaaaaaa", ["one-character"]],
    ["too long", "a1".repeat(101), ["too-long"]],
  ])("%s", (_label, password, problems) => {
    const check = checkPassword(password, { username: "huyen", isCommon });
    expect(check.problems.map((problem) => problem.code)).toEqual(problems);
    expect(check.ok).toBe(problems.length === 0);
  });

  it("counts characters, not bytes, for Vietnamese passwords", () => {
    expect(checkPassword("đường-làng", { username: "xa" }).ok).toBe(true);
  });

  it("gives a Vietnamese reason for each problem", () => {
    expect(checkPassword("huyen", { username: "huyen" }).problems).toEqual([
      { code: "too-short", reason: "Mật khẩu cần ít nhất 10 ký tự." },
      { code: "contains-username", reason: "Mật khẩu không được chứa tên đăng nhập." },
    ]);
  });

  it("skips the common list when none is given", () => {
    expect(checkPassword("1234567890", { username: "xa" }).ok).toBe(true);
  });
});
