import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNtmRunner } from "../test/ntm-runner.ts";

const { folder, ntm, cleanup } = createNtmRunner("ntm-users-");

beforeAll(async () => {
  const csv = join(folder, "units.csv");
  writeFileSync(
    csv,
    [
      "code,name,level,parentCode,validFrom,validTo,region,communeGroup,flags,successorCode",
      "98,Tỉnh Thử,province,,2008-01-01,,TN,,,",
    ].join("\n"),
  );
  expect((await ntm("units", "import", csv)).code).toBe(0);
});
afterAll(cleanup);

function addAdmin(username: string, password: string) {
  return ntm(
    "users",
    "add",
    ...["--username", username, "--password", password, "--role", "province_admin"],
    ...["--unit", "98"],
  );
}

describe("ntm users", () => {
  it("add refuses a weak password for the first administrator, with the reasons", async () => {
    const weak = await addAdmin("quan-tri", "12345678");
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("Mật khẩu cần ít nhất 10 ký tự.");
    expect(weak.stderr).toContain("nằm trong danh sách mật khẩu phổ biến");
  });

  it("add creates the administrator with a strong password; reset-password and disable act on it", async () => {
    const created = await addAdmin("quan-tri", "Dong-lua-Tinh-Thu-98");
    expect(created.stdout).toMatch(/Đã tạo tài khoản quan-tri \(province_admin, đơn vị 98\)/);

    const reset = await ntm("users", "reset-password", "--username", "quan-tri");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/Mật khẩu tạm của quan-tri: [a-z2-9]{4}(-[a-z2-9]{4}){3}\n/);

    const disabled = await ntm("users", "disable", "--username", "quan-tri");
    expect(disabled.stdout).toMatch(/Đã vô hiệu hóa tài khoản quan-tri/);
  });
});
