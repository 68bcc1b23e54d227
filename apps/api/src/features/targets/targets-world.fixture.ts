import { expect } from "vitest";
import type { LightMyRequestResponse as Response } from "fastify";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

type Method = "GET" | "POST" | "PUT";
type Value = { indicatorCode: string; value: number | boolean };

/** 2/2 criteria of the test set: recognised (standard). */
export const allMet: Value[] = [
  { indicatorCode: "3.1", value: 95 },
  { indicatorCode: "3.2", value: true },
  { indicatorCode: "10.1", value: 60 },
  { indicatorCode: "10.2", value: 2 },
];
/** 1/2 criteria. */
export const irrigationOnly: Value[] = [
  { indicatorCode: "3.1", value: 95 },
  { indicatorCode: "3.2", value: true },
  { indicatorCode: "10.1", value: 30 },
  { indicatorCode: "10.2", value: 4 },
];
/** 0/2 criteria. */
export const nothing: Value[] = [{ indicatorCode: "3.1", value: 40 }];

/** The test app the targets tests share: signed-in accounts, requests and value saves. */
export interface TargetsWorld {
  t: TestApp;
  start: (users: string[]) => Promise<void>;
  call: (user: string, method: Method, url: string, payload?: unknown) => Promise<Response>;
  ok: <T>(user: string, method: Method, url: string, payload?: unknown) => Promise<T>;
  /** Saves a commune's values for a year as the province administrator. */
  save: (code: string, year: number, values: Value[]) => Promise<void>;
}

export function targetsWorld(): TargetsWorld {
  const cookies: Record<string, string> = {};
  const versions: Record<string, number> = {};
  const world: TargetsWorld = {
    t: undefined as unknown as TestApp,
    start: async (users) => {
      world.t = await createTestApp();
      for (const user of users) cookies[user] = await loginAs(world.t.app, user);
    },
    call: (user, method, url, payload) =>
      world.t.app.inject({
        method,
        url,
        headers: { cookie: cookies[user] as string },
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    ok: async <T>(user: string, method: Method, url: string, payload?: unknown) => {
      const response = await world.call(user, method, url, payload);
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json<T>();
    },
    save: async (code, year, values) => {
      const key = `${code}:${year}`;
      const body = await world.ok<{ assessment: { version: number } }>(
        "admin",
        "PUT",
        `/api/units/${code}/assessments/${year}/values`,
        { version: versions[key] ?? 0, values },
      );
      versions[key] = body.assessment.version;
    },
  };
  return world;
}
