import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import type { CurrentUser } from "@ntm/contracts";
import { createTestApp, testPassword, type TestApp } from "../../test/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const wrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

function login(payload: object, remoteAddress = "127.0.0.1") {
  return t.app.inject({ method: "POST", url: "/api/auth/login", payload, remoteAddress });
}

function me(cookie?: string) {
  return t.app.inject({
    method: "GET",
    url: "/api/auth/me",
    ...(cookie ? { headers: { cookie } } : {}),
  });
}

function sessionCookieOf(response: Awaited<ReturnType<typeof login>>) {
  return response.cookies.find((cookie) => cookie.name === "ntm_session");
}

describe("login", () => {
  it("returns the user and sets an httpOnly session cookie", async () => {
    const response = await login({ username: "xa1", password: testPassword });
    expect(response.statusCode).toBe(200);
    const user = response.json<CurrentUser>();
    expect(user).toMatchObject({
      username: "xa1",
      role: "commune_officer",
      unitCode: "X01",
      unitName: "Xã Đăk Pék",
      unitLevel: "commune",
      criteria: [],
      departmentName: null,
    });
    expect(user).not.toHaveProperty("passwordHash");
    const cookie = sessionCookieOf(response);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.path).toBe("/");
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    // 12 hours after the test clock.
    expect(cookie?.expires?.toISOString()).toBe("2024-06-15T20:00:00.000Z");
  });

  it("accepts the user name in any case and returns the department of a department account", async () => {
    const response = await login({ username: "  SO-NN ", password: testPassword });
    expect(response.statusCode).toBe(200);
    expect(response.json<CurrentUser>()).toMatchObject({
      username: "so-nn",
      role: "department",
      departmentName: "Sở Nông nghiệp và Môi trường",
      criteria: ["test-commune:3"],
    });
  });

  it("refuses a wrong password and an unknown user alike with 401 INVALID_CREDENTIALS", async () => {
    const wrong = await login({ username: "xa1", password: "sai-mat-khau" });
    const unknown = await login({ username: "khong-ton-tai", password: testPassword });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: "INVALID_CREDENTIALS", message: wrongCredentials },
      });
      expect(sessionCookieOf(response)).toBeUndefined();
    }
  });

  it.each([
    ["no password", { username: "xa1" }],
    ["an empty user name", { username: "   ", password: testPassword }],
    ["a number for the password", { username: "xa1", password: 12345678 }],
  ])("refuses a malformed body (%s) with 400 and details", async (_label, payload) => {
    const response = await login(payload);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toMatch(/^Dữ liệu không hợp lệ/);
    expect(error.details.length).toBeGreaterThan(0);
  });
});

describe("session", () => {
  it("answers /api/auth/me with 401 without a cookie or with an unknown one", async () => {
    for (const response of [await me(), await me("ntm_session=khong-hop-le")]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: "UNAUTHENTICATED", message: "Bạn cần đăng nhập." },
      });
    }
  });

  it("answers /api/auth/me with the signed-in user, and 401 after logout", async () => {
    const response = await login({ username: "huyen", password: testPassword });
    const cookie = `ntm_session=${sessionCookieOf(response)?.value}`;
    const before = await me(cookie);
    expect(before.statusCode).toBe(200);
    expect(before.json<CurrentUser>()).toMatchObject({
      username: "huyen",
      role: "district",
      unitCode: "D01",
      unitName: "Huyện Đăk Glei",
      unitLevel: "district",
    });

    const logout = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(200);
    expect(logout.json()).toEqual({ ok: true });
    const cleared = logout.cookies.find((candidate) => candidate.name === "ntm_session");
    expect(cleared?.value).toBe("");

    // The old cookie no longer opens a session, even when the client keeps sending it.
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("keeps other sessions of the same user open after one logs out", async () => {
    const first = `ntm_session=${sessionCookieOf(await login({ username: "xem", password: testPassword }))?.value}`;
    const second = `ntm_session=${sessionCookieOf(await login({ username: "xem", password: testPassword }))?.value}`;
    expect(first).not.toBe(second);
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: first } });
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it("lets logout without a session succeed", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/auth/logout" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });
});

describe("audit", () => {
  it("records logins and failed logins with the client's address", async () => {
    await login({ username: "vpdp", password: testPassword }, "192.0.2.41");
    await login({ username: "vpdp", password: "sai-mat-khau" }, "192.0.2.42");
    await login({ username: "ai-do", password: "sai-mat-khau" }, "192.0.2.43");
    const rows = await t.database.db
      .select()
      .from(tables.auditLog)
      .where(inArray(tables.auditLog.entityKey, ["vpdp", "ai-do"]));
    const logins = rows.filter((row) => row.action.startsWith("auth."));
    expect(
      logins.map((row) => ({ action: row.action, key: row.entityKey, new: row.newValue })),
    ).toEqual([
      { action: "auth.login", key: "vpdp", new: { address: "192.0.2.41" } },
      {
        action: "auth.login-failed",
        key: "vpdp",
        new: { address: "192.0.2.42", reason: "wrong-password" },
      },
      {
        action: "auth.login-failed",
        key: "ai-do",
        new: { address: "192.0.2.43", reason: "unknown-user" },
      },
    ]);
    // Nothing that could open a session is kept.
    expect(JSON.stringify(logins)).not.toContain("sai-mat-khau");
  });
});
