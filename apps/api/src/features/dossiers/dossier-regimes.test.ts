import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
const shipped = JSON.parse(
  readFileSync(new URL("../../../../../data/regimes/qd18-2022-3cap.json", import.meta.url), "utf8"),
) as { rules: { satisfaction: { commune: { overall: number } } } };
const stricter = {
  ...shipped,
  rules: {
    ...shipped.rules,
    satisfaction: {
      ...shipped.rules.satisfaction,
      commune: { overall: 85, origin: "default" },
    },
  },
};

async function call(user: string, method: "GET" | "POST", url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "vpdp", "xa1", "xa3"]) cookies[user] = await loginAs(t.app, user);
});
afterAll(async () => {
  await t?.close();
});

describe("regimes as data", () => {
  it("serves the four shipped regimes as version 1", async () => {
    const response = await call("xa1", "GET", "/api/dossier-regimes");
    expect(response.status).toBe(200);
    expect(
      response.body.map((r: { code: string; version: number }) => `${r.code}@${r.version}`),
    ).toEqual([
      "qd18-2022-2cap@1",
      "qd18-2022-3cap@1",
      "qd18-thu-hoi-2cap@1",
      "qd18-thu-hoi-3cap@1",
    ]);
    const threeTier = response.body[1];
    expect(threeTier.regime.steps[1]).toMatchObject({
      code: "front_comments",
      actingRole: "fatherland_front",
    });
  });

  it.each([
    ["a commune account", "xa1", stricter, 403, "quản trị tỉnh"],
    ["a coordination office", "vpdp", stricter, 403, "quản trị tỉnh"],
    ["a file without steps", "admin", { ...stricter, steps: [] }, 400, "chưa hợp lệ"],
  ])("refuses an import by %s / of %s", async (_label, user, file, status, message) => {
    const response = await call(user, "POST", "/api/dossier-regimes", file);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toContain(message);
  });

  it("keeps a dossier on the version it was filed under", async () => {
    const batch = await call("vpdp", "POST", "/api/dossier-batches", {
      provinceCode: "P01",
      name: "Đợt 1",
      year: 2024,
      deadline: "2024-11-30",
    });
    const before = await call("xa1", "POST", "/api/dossiers", {
      unitCode: "X01",
      year: 2024,
      batchId: batch.body.id,
    });
    expect(before.status).toBe(201);
    expect(before.body.regime).toMatchObject({ code: "qd18-2022-3cap", version: 1 });

    const imported = await call("admin", "POST", "/api/dossier-regimes", stricter);
    expect(imported).toEqual({
      status: 201,
      body: { code: "qd18-2022-3cap", version: 2, created: true },
    });
    const again = await call("admin", "POST", "/api/dossier-regimes", stricter);
    expect(again).toEqual({
      status: 200,
      body: { code: "qd18-2022-3cap", version: 2, created: false },
    });

    const after = await call("xa3", "POST", "/api/dossiers", {
      unitCode: "X03",
      year: 2024,
      batchId: batch.body.id,
    });
    expect(after.body.regime).toMatchObject({ code: "qd18-2022-3cap", version: 2 });
    expect(after.body.regime.rules.satisfaction.commune.overall).toBe(85);
    const old = await call("xa1", "GET", `/api/dossiers/${before.body.id}`);
    expect(old.body.regime.version).toBe(1);
    expect(old.body.regime.rules.satisfaction.commune.overall).toBe(80);

    const all = await call("vpdp", "GET", "/api/dossier-regimes?all=true");
    const versions = all.body.filter((r: { code: string }) => r.code === "qd18-2022-3cap");
    expect(
      versions.map((r: { version: number; current: boolean; dossiers: number }) => [
        r.version,
        r.current,
        r.dossiers,
      ]),
    ).toEqual([
      [1, false, 1],
      [2, true, 1],
    ]);
  });
});
