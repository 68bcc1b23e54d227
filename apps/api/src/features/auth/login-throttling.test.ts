import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import { createTestApp, testPassword, type TestApp } from "../../test/test-app.ts";
import { configuredServer, sessionCookieOf, TestClock } from "../../test/configured-server.ts";
import { systemUser } from "./auth-user.ts";
import { createUser } from "../users/index.ts";

let t: TestApp;

/** One account per test, so that no test sees another's counters. */
const accounts = [
  "office1",
  "office2",
  "office3",
  "office4",
  "target1",
  "target2",
  "target3",
  "target4",
  "target5",
];
const officeStaff = Array.from({ length: 12 }, (_, index) => `staff${index + 1}`);

beforeAll(async () => {
  t = await createTestApp();
  for (const username of [...accounts, ...officeStaff]) {
    await createUser(t.database.db, {
      input: { username, password: testPassword, role: "viewer", unitCode: "P01" },
      by: systemUser,
    });
  }
});
afterAll(() => t.close());

const proxy = "10.20.0.2";

function attempt(
  app: FastifyInstance,
  username: string,
  password: string,
  from: { remoteAddress: string; forwardedFor?: string },
) {
  return app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: from.remoteAddress,
    ...(from.forwardedFor ? { headers: { "x-forwarded-for": from.forwardedFor } } : {}),
  });
}

describe("an office behind one address", () => {
  it("is not locked out by its own typing mistakes: 20 wrong passwords, then everyone signs in", async () => {
    const app = await configuredServer(t, { NTM_TRUST_PROXY: proxy });
    const office = { remoteAddress: proxy, forwardedFor: "203.0.113.10" };
    for (let index = 0; index < 20; index += 1) {
      const username = officeStaff[index % officeStaff.length] as string;
      const wrong = await attempt(app, username, `sai-${index}`, office);
      expect(wrong.statusCode, `wrong attempt ${index + 1}`).toBe(401);
    }
    for (const username of officeStaff) {
      const right = await attempt(app, username, testPassword, office);
      expect(right.statusCode, username).toBe(200);
      expect(sessionCookieOf(right)).toBeDefined();
    }
    await app.close();
  });

  it("counts each client behind a trusted proxy by its X-Forwarded-For address", async () => {
    const app = await configuredServer(t, { NTM_TRUST_PROXY: proxy });
    const sprayer = { remoteAddress: proxy, forwardedFor: "203.0.113.20" };
    // Spraying 50 different account names from one client locks that client only.
    for (let index = 0; index < 50; index += 1) {
      const response = await attempt(app, `khong-co-${index}`, "sai-mat-khau", sprayer);
      expect(response.statusCode, `attempt ${index + 1}`).toBe(401);
    }
    const blocked = await attempt(app, "office1", testPassword, sprayer);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.",
      },
    });
    const colleague = await attempt(app, "office1", testPassword, {
      remoteAddress: proxy,
      forwardedFor: "203.0.113.21",
    });
    expect(colleague.statusCode).toBe(200);
    await app.close();
  });

  it("ignores X-Forwarded-For from an address that is not a trusted proxy", async () => {
    const app = await configuredServer(t, { NTM_TRUST_PROXY: proxy });
    const direct = "198.51.100.30";
    for (let index = 0; index < 50; index += 1) {
      // A new forged address on every attempt does not reset the count of the real one.
      const response = await attempt(app, `ai-do-${index}`, "sai-mat-khau", {
        remoteAddress: direct,
        forwardedFor: `192.0.2.${index}`,
      });
      expect(response.statusCode, `attempt ${index + 1}`).toBe(401);
    }
    const blocked = await attempt(app, "office2", testPassword, {
      remoteAddress: direct,
      forwardedFor: "192.0.2.200",
    });
    expect(blocked.statusCode).toBe(429);
    await app.close();
  });

  it("without a configured proxy, counts the connecting address", async () => {
    const app = await configuredServer(t);
    const response = await attempt(app, "office3", testPassword, {
      remoteAddress: "198.51.100.30",
      forwardedFor: "203.0.113.99",
    });
    // The address locked in the previous test stays locked, whatever X-Forwarded-For says.
    expect(response.statusCode).toBe(429);
    await app.close();
  });
});

describe("the windows of the counters", () => {
  it("lets an address locked by 50 failures in again once its 15 minutes have passed", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, {}, clock);
    const from = { remoteAddress: "198.51.100.90" };
    for (let index = 0; index < 50; index += 1) {
      const response = await attempt(app, `thu-${index}`, "sai-mat-khau", from);
      expect(response.statusCode, `attempt ${index + 1}`).toBe(401);
      clock.advanceMinutes(0.2);
    }
    // The window started at the first failure, 10 minutes ago.
    const locked = await attempt(app, "office4", testPassword, from);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toBe(
      "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 5 phút.",
    );
    clock.advanceMinutes(5);
    expect((await attempt(app, "office4", testPassword, from)).statusCode).toBe(200);
    await app.close();
  });

  it("forgets an account's failures after an hour without one", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, {}, clock);
    const from = { remoteAddress: "198.51.100.91" };
    for (let guess = 0; guess < 4; guess += 1) {
      expect((await attempt(app, "target5", `sai-${guess}`, from)).statusCode).toBe(401);
    }
    clock.advanceMinutes(59);
    // Still counted: the fifth failure is the last free one, the sixth attempt waits.
    expect((await attempt(app, "target5", "sai-4", from)).statusCode).toBe(401);
    expect((await attempt(app, "target5", "sai-5", from)).statusCode).toBe(429);
    clock.advanceMinutes(60);
    for (let guess = 0; guess < 5; guess += 1) {
      expect((await attempt(app, "target5", `lai-${guess}`, from)).statusCode).toBe(401);
    }
    expect((await attempt(app, "target5", "lai-5", from)).statusCode).toBe(429);
    await app.close();
  });
});

describe("guessing one account", () => {
  it("stops 120 guesses from 12 addresses after 5, and keeps the right password out while locked", async () => {
    const app = await configuredServer(t);
    const statuses: number[] = [];
    for (let guess = 0; guess < 120; guess += 1) {
      const response = await attempt(app, "target1", `doan-${guess}`, {
        remoteAddress: `198.51.100.${100 + (guess % 12)}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);

    const right = await attempt(app, "target1", testPassword, { remoteAddress: "198.51.100.200" });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toBe("Đăng nhập sai quá nhiều lần. Hãy thử lại sau 1 phút.");
    expect(sessionCookieOf(right)).toBeUndefined();
    await app.close();
  });

  it("doubles the wait after each further failure, and a success starts the count again", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, {}, clock);
    const from = { remoteAddress: "198.51.100.50" };
    for (let guess = 0; guess < 5; guess += 1) {
      expect((await attempt(app, "target2", `sai-${guess}`, from)).statusCode).toBe(401);
    }
    expect((await attempt(app, "target2", "sai-6", from)).statusCode).toBe(429);
    clock.advanceMinutes(1);
    expect((await attempt(app, "target2", "sai-6", from)).statusCode).toBe(401);
    // Six failures: two minutes now.
    clock.advanceMinutes(1.5);
    const waiting = await attempt(app, "target2", testPassword, from);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error.message).toMatch(/sau 1 phút/);
    clock.advanceMinutes(0.5);
    expect((await attempt(app, "target2", testPassword, from)).statusCode).toBe(200);
    // The success cleared the account's count: five new mistakes are allowed again.
    for (let guess = 0; guess < 5; guess += 1) {
      expect((await attempt(app, "target2", `lai-sai-${guess}`, from)).statusCode).toBe(401);
    }
    await app.close();
  });

  it("refuses parallel guesses beyond the allowance: attempts are counted before the password is checked", async () => {
    const app = await configuredServer(t);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, guess) =>
        attempt(app, "target3", `song-song-${guess}`, {
          remoteAddress: `198.51.100.${150 + guess}`,
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    await app.close();
  });

  it("shares the count between API processes on one database", async () => {
    const first = await configuredServer(t);
    const second = await configuredServer(t);
    for (let guess = 0; guess < 5; guess += 1) {
      const server = guess % 2 === 0 ? first : second;
      const response = await attempt(server, "target4", `sai-${guess}`, {
        remoteAddress: "198.51.100.70",
      });
      expect(response.statusCode).toBe(401);
    }
    const rows = await t.database.db.select().from(tables.loginAttempts);
    expect(rows.find((row) => row.key === "account:target4")?.failures).toBe(5);
    expect(
      (await attempt(first, "target4", testPassword, { remoteAddress: "198.51.100.71" }))
        .statusCode,
    ).toBe(429);
    expect(
      (await attempt(second, "target4", testPassword, { remoteAddress: "198.51.100.72" }))
        .statusCode,
    ).toBe(429);
    await first.close();
    await second.close();
  });

  it("answers an unknown account exactly like a known one when locking", async () => {
    const app = await configuredServer(t);
    const from = { remoteAddress: "198.51.100.80" };
    const statuses: number[] = [];
    for (let guess = 0; guess < 7; guess += 1) {
      statuses.push((await attempt(app, "khong-ton-tai", `sai-${guess}`, from)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    await app.close();
  });
});
