import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

// The test clock is 2024-06-15.
let t: TestApp;
const cookies: Record<string, string> = {};
const batches: Record<string, number> = {};

async function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string, "accept-language": "vi" },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

const file = (batchId: number, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: "POST",
    url: "/api/dossiers",
    headers: { cookie: cookies.xa1 as string, ...headers },
    payload: { unitCode: "X01", year: 2024, requestedLevel: "standard", batchId },
  });

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["vpdp", "xa1", "admin2"]) cookies[user] = await loginAs(t.app, user);
  for (const [key, user, provinceCode, name, deadline] of [
    ["closed", "vpdp", "P01", "Đợt 1 năm 2024", "2024-02-28"],
    ["lastDay", "vpdp", "P01", "Đợt 2 năm 2024", "2024-06-15"],
    ["otherProvince", "admin2", "P02", "Đợt 1 năm 2024 (tỉnh khác)", "2024-12-31"],
  ] as const) {
    const created = await call(user, "POST", "/api/dossier-batches", {
      provinceCode,
      name,
      year: 2024,
      deadline,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    batches[key] = created.body.id;
  }
});
afterAll(() => t.close());

async function dossierCount() {
  return ((await call("vpdp", "GET", "/api/dossiers")).body as unknown[]).length;
}

describe("POST /api/dossiers into a batch", () => {
  it("refuses a batch whose deadline has passed, naming the batch and its deadline", async () => {
    const response = await file(batches.closed!);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      'Đợt "Đợt 1 năm 2024" đã hết hạn nhận hồ sơ ngày 28/02/2024; chọn một đợt còn mở hoặc đề nghị tỉnh mở đợt mới.',
    );
    const english = await file(batches.closed!, { "accept-language": "en" });
    expect(english.json().error.message).toContain("closed on 28/02/2024");
    expect(await dossierCount()).toBe(0);
  });

  it("refuses another province's batch", async () => {
    const response = await file(batches.otherProvince!);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain("tỉnh khác");
    expect(await dossierCount()).toBe(0);
  });

  it("takes a dossier on the batch's last day", async () => {
    const response = await file(batches.lastDay!);
    expect(response.statusCode, response.body).toBe(201);
    expect(await dossierCount()).toBe(1);
  });
});
