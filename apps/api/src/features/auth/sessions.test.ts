import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import { createTestApp, testPassword, type TestApp } from "../../test/test-app.ts";
import {
  configuredServer,
  loginOn,
  sessionCookieOf,
  TestClock,
} from "../../test/configured-server.ts";
import { systemUser } from "./auth-user.ts";
import { createUser } from "../users/index.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, {
    input: { username: "minh-hoa", password: "demo1234", role: "viewer", unitCode: "P01" },
    by: systemUser,
    demo: true,
  });
});
afterAll(() => t.close());

function me(app: Awaited<ReturnType<typeof configuredServer>>, cookie: string) {
  return app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
}

describe("session lifetime", () => {
  it("ends a session idle for longer than the idle timeout (60 minutes by default)", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, {}, clock);
    const cookie = await loginOn(app, "xem");
    clock.advanceMinutes(59);
    expect((await me(app, cookie)).statusCode).toBe(200);
    // The request above counted as activity: another 59 minutes later the session is still open.
    clock.advanceMinutes(59);
    expect((await me(app, cookie)).statusCode).toBe(200);
    clock.advanceMinutes(60);
    const idle = await me(app, cookie);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe("UNAUTHENTICATED");
    await app.close();
  });

  it("takes the idle timeout from NTM_SESSION_IDLE_MINUTES", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, { NTM_SESSION_IDLE_MINUTES: "5" }, clock);
    const cookie = await loginOn(app, "xem");
    clock.advanceMinutes(4);
    expect((await me(app, cookie)).statusCode).toBe(200);
    clock.advanceMinutes(5);
    expect((await me(app, cookie)).statusCode).toBe(401);
    await app.close();
  });

  it("keeps a session active every 40 seconds open under a one-minute idle timeout", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, { NTM_SESSION_IDLE_MINUTES: "1" }, clock);
    const cookie = await loginOn(app, "xem");
    for (let step = 1; step <= 8; step += 1) {
      clock.advanceMinutes(40 / 60);
      expect((await me(app, cookie)).statusCode, `after ${step * 40} seconds`).toBe(200);
    }
    await app.close();
  });

  it("ends an active session at its absolute lifetime (NTM_SESSION_MAX_HOURS)", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, { NTM_SESSION_MAX_HOURS: "2" }, clock);
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "xem", password: testPassword },
    });
    expect(sessionCookieOf(login)?.expires?.toISOString()).toBe("2024-06-15T10:00:00.000Z");
    const cookie = `ntm_session=${sessionCookieOf(login)?.value}`;
    for (let step = 0; step < 5; step += 1) {
      clock.advanceMinutes(20);
      expect((await me(app, cookie)).statusCode, `after ${(step + 1) * 20} minutes`).toBe(200);
    }
    clock.advanceMinutes(20);
    expect((await me(app, cookie)).statusCode).toBe(401);
    await app.close();
  });

  it("keeps no session row past its end once the next login tidies up", async () => {
    const clock = new TestClock(new Date("2024-07-01T00:00:00Z"));
    const app = await configuredServer(t, {}, clock);
    await loginOn(app, "xem");
    const rows = await t.database.db.select().from(tables.sessions);
    expect(rows.every((row) => row.expiresAt > clock.now())).toBe(true);
    await app.close();
  });
});

describe("the Secure flag of the session cookie", () => {
  const proxy = "10.20.0.2";

  async function loginThrough(
    environment: Record<string, string>,
    remoteAddress: string,
    headers: Record<string, string> = {},
  ) {
    const app = await configuredServer(t, environment);
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "xem", password: testPassword },
      remoteAddress,
      headers,
    });
    await app.close();
    expect(response.statusCode).toBe(200);
    return sessionCookieOf(response);
  }

  it("is set when a trusted proxy says the request came over TLS", async () => {
    const cookie = await loginThrough({ NTM_TRUST_PROXY: proxy }, proxy, {
      "x-forwarded-proto": "https",
    });
    expect(cookie?.secure).toBe(true);
  });

  it("is not set when an untrusted client claims TLS", async () => {
    const cookie = await loginThrough({ NTM_TRUST_PROXY: proxy }, "198.51.100.9", {
      "x-forwarded-proto": "https",
    });
    expect(cookie?.secure).toBeFalsy();
  });

  it("is not set over plain HTTP without a proxy", async () => {
    expect((await loginThrough({}, "127.0.0.1"))?.secure).toBeFalsy();
  });

  it("is always set when the public address is https (NTM_PUBLIC_URL)", async () => {
    const cookie = await loginThrough({ NTM_PUBLIC_URL: "https://ntm.example.vn" }, "127.0.0.1");
    expect(cookie?.secure).toBe(true);
  });
});

describe("demo accounts", () => {
  const demoRefusal =
    "Tài khoản minh họa (mật khẩu công khai) không được dùng trên hệ thống này. Hãy đăng nhập bằng tài khoản thật do quản trị tỉnh cấp.";

  async function demoLogin(environment: Record<string, string>) {
    const app = await configuredServer(t, environment);
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "minh-hoa", password: "demo1234" },
    });
    await app.close();
    return response;
  }

  it("sign in with their published password by default", async () => {
    expect((await demoLogin({})).statusCode).toBe(200);
  });

  it.each([
    ["NODE_ENV=production", { NODE_ENV: "production" }],
    ["NTM_DEMO=0", { NTM_DEMO: "0" }],
  ])("are refused with %s, in Vietnamese and without a session", async (_label, environment) => {
    const response = await demoLogin(environment);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: "FORBIDDEN", message: demoRefusal } });
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("a real account still signs in when demo logins are off", async () => {
    const app = await configuredServer(t, { NODE_ENV: "production" });
    await expect(loginOn(app, "admin")).resolves.toMatch(/^ntm_session=/);
    await app.close();
  });
});
