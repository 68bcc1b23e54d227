import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { loginAs } from "../../test/test-app.ts";

/**
 * Every route of the API, called without a session: only the public page, the health checks and
 * the login answer; every other route refuses (401) whatever it is given. The list is the server's
 * own OpenAPI document, so a route added later is walked too.
 */
let t: TestApp;
let paths: Record<string, Record<string, unknown>> = {};

/** The operations anyone may call; everything under /api/public/ is the residents' page. */
const openToAll = new Set([
  "GET /api/health",
  "GET /api/ready",
  "POST /api/auth/login",
  "POST /api/auth/logout",
]);

/** A plausible value for each path parameter, so the route itself answers, not the validator. */
function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (/year/i.test(name)) return "2024";
    if (
      /^(id|documentId|dossier|productId|jobId|obstacleId|targetId|submissionId|reportId|typeId|periodId)$/i.test(
        name,
      )
    )
      return "1";
    if (/username/i.test(name)) return "admin";
    if (/province/i.test(name)) return "P01";
    return "X01";
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const cookie = await loginAs(t.app, "admin");
  const docs = await t.app.inject({ method: "GET", url: "/api/docs/json" });
  paths = docs.json().paths;
  // Something public exists, so that a public route answers and the walk sees it open.
  const published = await t.app.inject({
    method: "PUT",
    url: "/api/provinces/P01/publication",
    headers: { cookie },
    payload: {
      entries: [
        { year: 2024, kinds: ["communes", "decisions", "criteria", "targets", "postings"] },
      ],
    },
  });
  expect(published.statusCode, published.body).toBe(200);
});
afterAll(() => t.close());

describe("the API without a session", () => {
  it("lists many operations to walk", () => {
    expect(Object.keys(paths).length).toBeGreaterThan(100);
  });

  it("answers nothing but 401 on every route outside the public page", async () => {
    const answered: string[] = [];
    for (const [path, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`;
        if (path.startsWith("/api/public/") || openToAll.has(key)) continue;
        const response = await t.app.inject({
          method: method.toUpperCase() as "GET",
          url: fill(path),
          ...(method === "get" ? {} : { payload: {} }),
        });
        if (response.statusCode !== 401) answered.push(`${key} → ${response.statusCode}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it("reaches the public page's routes, and only what is published", async () => {
    const publicGets = Object.keys(paths).filter((path) => path.startsWith("/api/public/"));
    expect(publicGets.length).toBeGreaterThan(0);
    for (const path of publicGets) {
      if (!paths[path]?.get) continue;
      const unpublishedYear = await t.app.inject({
        method: "GET",
        url: fill(path).replace("/2024/", "/2023/"),
      });
      if (path.includes("{year}")) expect(unpublishedYear.statusCode, path).toBe(404);
      const otherProvince = await t.app.inject({
        method: "GET",
        url: fill(path).replace("/P01", "/P02"),
      });
      // A province that published nothing: never an answer (a route may first refuse its query).
      if (path.includes("{code}")) expect([400, 404], path).toContain(otherProvince.statusCode);
    }
  });
});
