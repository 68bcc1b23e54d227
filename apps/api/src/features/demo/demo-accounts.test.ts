import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";
import { demoAccountsNotice } from "./demo-accounts.ts";
import { saveDemoInfo } from "./demo.repository.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the start-up notice about demo accounts", () => {
  it("says nothing while no demo account exists", async () => {
    expect(await demoAccountsNotice(t.database.db, { demoLogins: true })).toBeUndefined();
  });

  it("warns that demo accounts sign in with a published password, and says how to stop it", async () => {
    await createUser(t.database.db, {
      input: { username: "demo-xem", password: "demo1234", role: "viewer", unitCode: "P01" },
      by: systemUser,
      demo: true,
    });
    await saveDemoInfo(t.database.db, {
      provinceCode: "P01",
      provinceName: "Tỉnh Thử Nghiệm",
      password: "demo1234",
      accounts: [{ username: "demo-xem", role: "viewer", unitName: "Tỉnh Thử Nghiệm", note: "" }],
    });
    const notice = await demoAccountsNotice(t.database.db, { demoLogins: true });
    expect(notice).toContain("Tài khoản minh họa (mật khẩu công khai demo1234)");
    expect(notice).toContain("demo-xem");
    expect(notice).toContain(
      "CẢNH BÁO: 1 tài khoản minh họa ở trên đăng nhập được bằng mật khẩu công khai.",
    );
    expect(notice).toContain("NODE_ENV=production hoặc NTM_DEMO=0");
    expect(notice).toContain("ntm users add");
  });

  it("says they are refused when demo logins are off", async () => {
    const notice = await demoAccountsNotice(t.database.db, { demoLogins: false });
    expect(notice).toContain("bị từ chối đăng nhập");
    expect(notice).not.toContain("CẢNH BÁO");
  });

  it("stops once every demo account is disabled", async () => {
    const admin = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: testPassword },
    });
    const cookie = `ntm_session=${admin.cookies.find((c) => c.name === "ntm_session")?.value}`;
    const disabled = await t.app.inject({
      method: "POST",
      url: "/api/users/demo-xem/disable",
      headers: { cookie },
    });
    expect(disabled.statusCode).toBe(200);
    expect(await demoAccountsNotice(t.database.db, { demoLogins: true })).toBeUndefined();
  });
});
