import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import type { CurrentUser, PasswordResetResult } from "@ntm/contracts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "./users.service.ts";

let t: TestApp;

/** Accounts only these tests change, so each test starts from a known state. */
const people = ["lan", "hoa", "minh", "tuan", "nga", "binh"] as const;

beforeAll(async () => {
  t = await createTestApp();
  for (const username of people) {
    await createUser(t.database.db, {
      input: { username, password: testPassword, role: "commune_officer", unitCode: "X01" },
      by: systemUser,
    });
  }
});
afterAll(() => t.close());

function login(username: string, password = testPassword) {
  return t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
}

function me(cookie: string) {
  return t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
}

function changePassword(cookie: string, currentPassword: string, newPassword: string) {
  return t.app.inject({
    method: "PUT",
    url: "/api/users/me/password",
    headers: { cookie },
    payload: { currentPassword, newPassword },
  });
}

function adminAction(cookie: string, username: string, action: string) {
  return t.app.inject({
    method: "POST",
    url: `/api/users/${username}/${action}`,
    headers: { cookie },
  });
}

async function auditOf(username: string) {
  const rows = await t.database.db
    .select()
    .from(tables.auditLog)
    .where(eq(tables.auditLog.entityKey, username));
  return rows.map((row) => row.action);
}

async function passwordHashOf(username: string) {
  const rows = await t.database.db
    .select({ hash: tables.users.passwordHash })
    .from(tables.users)
    .where(eq(tables.users.username, username));
  return rows[0]?.hash;
}

describe("changing one's own password", () => {
  it("needs the current password, and leaves the stored one unchanged when it is wrong", async () => {
    const cookie = await loginAs(t.app, "lan");
    const before = await passwordHashOf("lan");
    const response = await changePassword(cookie, "khong-dung-roi", "Lua-nuoc-dong-bang-2024");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "Mật khẩu hiện tại không đúng.",
    });
    expect(await passwordHashOf("lan")).toBe(before);
  });

  it.each([
    ["12345678", "Mật khẩu cần ít nhất 10 ký tự."],
    ["password", "Mật khẩu cần ít nhất 10 ký tự."],
    [
      "1234567890",
      "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.",
    ],
    [
      "password123",
      "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.",
    ],
    ["lan-dak-pek-2024", "Mật khẩu không được chứa tên đăng nhập."],
    [testPassword, "Mật khẩu mới phải khác mật khẩu hiện tại."],
  ])("refuses %s with a Vietnamese reason", async (newPassword, reason) => {
    const cookie = await loginAs(t.app, "lan");
    const before = await passwordHashOf("lan");
    const response = await changePassword(cookie, testPassword, newPassword);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(reason);
    expect(response.json().error.details[0].path).toBe("newPassword");
    expect(await passwordHashOf("lan")).toBe(before);
  });

  it("explains a refusal in English on request", async () => {
    const cookie = await loginAs(t.app, "lan");
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/password",
      headers: { cookie, "accept-language": "en" },
      payload: { currentPassword: testPassword, newPassword: "12345678" },
    });
    expect(response.json().error.message).toBe(
      "The password needs at least 10 characters. This password is on the list of common passwords and easy to guess; choose another.",
    );
  });

  it("changes it, ends the user's other sessions and keeps the current one", async () => {
    const other = await loginAs(t.app, "hoa");
    const current = await loginAs(t.app, "hoa");
    const response = await changePassword(current, testPassword, "Ca-phe-Dak-Ha-2024");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, sessionsEnded: 1 });
    expect((await me(current)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login("hoa")).statusCode).toBe(401);
    expect((await login("hoa", "Ca-phe-Dak-Ha-2024")).statusCode).toBe(200);
    expect(await auditOf("hoa")).toContain("user.password-changed");
  });

  it("counts wrong current passwords like failed logins, so a stolen session cannot guess it", async () => {
    const cookie = await loginAs(t.app, "binh");
    const statuses: number[] = [];
    for (let guess = 0; guess < 7; guess += 1) {
      statuses.push(
        (await changePassword(cookie, `doan-${guess}`, "Ca-phe-Dak-Ha-2024")).statusCode,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    // The right one waits too, and the login of that account as well.
    expect((await changePassword(cookie, testPassword, "Ca-phe-Dak-Ha-2024")).statusCode).toBe(429);
    expect((await login("binh")).statusCode).toBe(429);
  });

  it("needs a session", async () => {
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/password",
      payload: { currentPassword: testPassword, newPassword: "Ca-phe-Dak-Ha-2024" },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe("disabling an account", () => {
  it("ends its sessions at once and refuses its logins until it is enabled again", async () => {
    const admin = await loginAs(t.app, "admin");
    const session = await loginAs(t.app, "minh");
    const disabled = await adminAction(admin, "minh", "disable");
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toEqual({ username: "minh", active: false, sessionsEnded: 1 });
    expect((await me(session)).statusCode).toBe(401);

    const refused = await login("minh");
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      error: {
        code: "FORBIDDEN",
        message: "Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị tỉnh.",
      },
    });
    // A wrong password still gets the answer every wrong password gets.
    expect((await login("minh", "sai-mat-khau")).json().error.code).toBe("INVALID_CREDENTIALS");

    const enabled = await adminAction(admin, "minh", "enable");
    expect(enabled.json()).toEqual({ username: "minh", active: true, sessionsEnded: 0 });
    expect((await login("minh")).statusCode).toBe(200);
    expect(await auditOf("minh")).toEqual(
      expect.arrayContaining(["user.disabled", "user.enabled", "auth.login-failed", "auth.login"]),
    );
  });

  it("lists the state in the account list", async () => {
    const admin = await loginAs(t.app, "admin");
    await adminAction(admin, "binh", "disable");
    const list = await t.app.inject({
      method: "GET",
      url: "/api/users",
      headers: { cookie: admin },
    });
    const binh = list.json().users.find((user: { username: string }) => user.username === "binh");
    expect(binh).toMatchObject({ active: false, mustChangePassword: false, demo: false });
  });

  it("refuses an administrator's own account", async () => {
    const admin = await loginAs(t.app, "admin");
    const response = await adminAction(admin, "admin", "disable");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      "Không thể tự vô hiệu hóa tài khoản đang dùng; hãy nhờ một quản trị khác.",
    );
  });
});

describe("resetting a password", () => {
  it("gives a temporary password, ends the sessions, and makes the user change it before anything else", async () => {
    const admin = await loginAs(t.app, "admin");
    const oldSession = await loginAs(t.app, "tuan");
    const reset = await adminAction(admin, "tuan", "reset-password");
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword, sessionsEnded } = reset.json<PasswordResetResult>();
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(sessionsEnded).toBe(1);
    expect((await me(oldSession)).statusCode).toBe(401);
    expect((await login("tuan")).statusCode).toBe(401);

    const signedIn = await login("tuan", temporaryPassword);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<CurrentUser>().mustChangePassword).toBe(true);
    const cookie = `ntm_session=${signedIn.cookies.find((c) => c.name === "ntm_session")?.value}`;
    const blocked = await t.app.inject({
      method: "GET",
      url: "/api/units/X01",
      headers: { cookie },
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toEqual({
      error: {
        code: "PASSWORD_CHANGE_REQUIRED",
        message: "Mật khẩu của bạn vừa được đặt lại: hãy đổi mật khẩu trước khi tiếp tục.",
      },
    });

    expect((await changePassword(cookie, temporaryPassword, "Dong-lua-Ia-Grai-9")).statusCode).toBe(
      200,
    );
    expect((await me(cookie)).json<CurrentUser>().mustChangePassword).toBe(false);
    const open = await t.app.inject({ method: "GET", url: "/api/units/X01", headers: { cookie } });
    expect(open.statusCode).toBe(200);
    expect(await auditOf("tuan")).toContain("user.password-reset");
  });
});

describe("ending a user's sessions", () => {
  it("signs the user out everywhere", async () => {
    const admin = await loginAs(t.app, "admin");
    const phone = await loginAs(t.app, "nga");
    const office = await loginAs(t.app, "nga");
    const response = await adminAction(admin, "nga", "end-sessions");
    expect(response.json()).toEqual({ username: "nga", active: true, sessionsEnded: 2 });
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(office)).statusCode).toBe(401);
    expect((await login("nga")).statusCode).toBe(200);
    expect(await auditOf("nga")).toContain("user.sessions-ended");
  });
});

describe("who may act on an account", () => {
  const actions = ["disable", "enable", "reset-password", "end-sessions"];

  it.each(["vpdp", "so-nn", "huyen", "xa1", "xem"])(
    "%s (not a province admin) is refused every action with 403",
    async (username) => {
      const cookie = await loginAs(t.app, username);
      for (const action of actions) {
        const response = await adminAction(cookie, "xa3", action);
        expect(response.statusCode, action).toBe(403);
        expect(response.json().error.code).toBe("FORBIDDEN");
      }
      expect(await passwordHashOf("xa3")).toBeDefined();
    },
  );

  it("a province admin is refused every action on another province's account", async () => {
    const cookie = await loginAs(t.app, "admin2");
    const before = await passwordHashOf("xa1");
    for (const action of actions) {
      const response = await adminAction(cookie, "xa1", action);
      expect(response.statusCode, action).toBe(403);
      expect(response.json().error.message).toBe(
        "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.",
      );
    }
    expect(await passwordHashOf("xa1")).toBe(before);
    expect((await login("xa1")).statusCode).toBe(200);
  });

  it("answers 401 without a session and 404 for an unknown account", async () => {
    expect((await adminAction("", "xa1", "disable")).statusCode).toBe(401);
    const admin = await loginAs(t.app, "admin");
    const unknown = await adminAction(admin, "khong-co", "disable");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("Không có tài khoản khong-co.");
  });
});

describe("creating an account", () => {
  it("applies the password rules through the API", async () => {
    const admin = await loginAs(t.app, "admin");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin },
      payload: { username: "moi", password: "12345678", role: "viewer", unitCode: "P01" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      "Mật khẩu cần ít nhất 10 ký tự. Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.",
    );
    const rows = await t.database.db
      .select()
      .from(tables.users)
      .where(eq(tables.users.username, "moi"));
    expect(rows).toHaveLength(0);
  });
});
