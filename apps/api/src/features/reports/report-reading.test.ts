import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportSubmissionDto } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let reportId = 0;

async function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user]! },
    ...(payload ? { payload } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "vpdp", "huyen", "xa1", "xem"])
    cookies[user] = await loginAs(t.app, user);
  const type = await call("vpdp", "POST", "/api/report-types", {
    code: "huyen-thang",
    name: "Báo cáo tháng của UBND huyện",
    cadence: "monthly",
    dueRule: { kind: "dayOfNextMonth", day: 15 },
    submitterLevel: "district",
  });
  const opened = await call("vpdp", "POST", "/api/reports/generate", {
    typeId: type.json().id,
    period: "2024-M05",
  });
  reportId = (opened.json() as ReportSubmissionDto[]).find((r) => r.unitCode === "D01")!.id;
  await call("huyen", "POST", `/api/reports/${reportId}/submit`, {
    narrative: "Tình hình tháng 5 của huyện",
    version: 0,
  });
});
afterAll(async () => t.close());

describe("who reads a report", () => {
  it.each([
    ["the submitting district", "huyen", 200],
    ["the receiving office", "vpdp", 200],
    ["the province administrator (receiver)", "admin", 200],
    ["a viewer of the province", "xem", 403],
    ["a commune below the district", "xa1", 404],
  ])("%s", async (_name, user, status) => {
    const response = await call(user, "GET", `/api/reports/${reportId}`);
    expect(response.statusCode).toBe(status);
    if (status === 403) {
      expect(response.json().error.message).toContain("đơn vị nộp và cơ quan nhận");
      expect(response.body).not.toContain("Tình hình tháng 5");
    }
  });

  it("lists the viewer's reports with their timeliness but without narrative or figures", async () => {
    const list = (await call("xem", "GET", "/api/reports")).json() as ReportSubmissionDto[];
    const row = list.find((r) => r.id === reportId)!;
    expect(row).toMatchObject({ state: "submitted", timeliness: "on_time", canRead: false });
    expect(row.narrative).toBe("");
    expect(row.figures).toBeNull();
    const own = (await call("huyen", "GET", "/api/reports")).json() as ReportSubmissionDto[];
    expect(own.find((r) => r.id === reportId)).toMatchObject({
      narrative: "Tình hình tháng 5 của huyện",
      canRead: true,
    });
  });
});
