import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import type { RatesResponse, ReportSubmissionDto } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let monthlyId = 0;

async function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user]! },
    ...(payload ? { payload } : {}),
  });
}

async function rowCounts() {
  const db = t.database.db;
  const [submissions] = await db.select({ n: count() }).from(tables.reportSubmissions);
  const [audit] = await db
    .select({ n: count() })
    .from(tables.auditLog)
    .where(eq(tables.auditLog.action, "report_period.open"));
  return { submissions: submissions!.n, audit: audit!.n };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "vpdp", "huyen", "xem"]) cookies[user] = await loginAs(t.app, user);
  const created = await call("vpdp", "POST", "/api/report-types", {
    code: "huyen-thang",
    name: "Báo cáo tháng của UBND huyện",
    cadence: "monthly",
    dueRule: { kind: "dayOfNextMonth", day: 15 },
    submitterLevel: "district",
  });
  monthlyId = created.json().id;
});
afterAll(async () => t.close());

describe("reading reports writes nothing", () => {
  it.each([
    ["the list", "/api/reports"],
    ["the list of 2010", "/api/reports?period=2010-M01"],
    ["the rate board of 2010", () => `/api/reports/rates?type=${monthlyId}&period=2010-M01`],
    ["the rate board", () => `/api/reports/rates?type=${monthlyId}`],
    ["the reminders", "/api/reports/reminders"],
  ])("%s, read by a viewer", async (_name, url) => {
    const before = await rowCounts();
    const response = await call("xem", "GET", typeof url === "string" ? url : url());
    expect(response.statusCode).toBe(200);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("opening report periods", () => {
  it.each([
    ["a viewer", "xem"],
    ["a district", "huyen"],
  ])("is refused to %s, writing nothing", async (_name, user) => {
    const before = await rowCounts();
    const response = await call(user, "POST", "/api/report-periods/open");
    expect(response.statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it("opens the periods ended by today, once, with one audit row per period", async () => {
    const opened = await call("vpdp", "POST", "/api/report-periods/open");
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      date: "2024-06-15",
      submissions: 12,
      periods: [
        { periodKey: "2023-M12", submissions: 2 },
        { periodKey: "2024-M01", submissions: 2 },
        { periodKey: "2024-M02", submissions: 2 },
        { periodKey: "2024-M03", submissions: 2 },
        { periodKey: "2024-M04", submissions: 2 },
        { periodKey: "2024-M05", submissions: 2 },
      ],
    });
    expect(await rowCounts()).toEqual({ submissions: 12, audit: 6 });
    const again = await call("admin", "POST", "/api/report-periods/open");
    expect(again.json()).toMatchObject({ submissions: 0, periods: [] });
    expect(await rowCounts()).toEqual({ submissions: 12, audit: 6 });
    const rates = (
      await call("vpdp", "GET", `/api/reports/rates?type=${monthlyId}`)
    ).json() as RatesResponse;
    expect(rates.periods.map((p) => p.key)).toEqual([
      "2024-M01",
      "2024-M02",
      "2024-M03",
      "2024-M04",
      "2024-M05",
    ]);
  });

  it("opens one period explicitly, audited, and refuses it to a district", async () => {
    const body = { typeId: monthlyId, period: "2024-M06" };
    expect((await call("huyen", "POST", "/api/reports/generate", body)).statusCode).toBe(403);
    const before = await rowCounts();
    const opened = await call("vpdp", "POST", "/api/reports/generate", body);
    expect(opened.statusCode).toBe(200);
    expect((opened.json() as ReportSubmissionDto[]).map((r) => r.unitCode)).toEqual(["D01", "D02"]);
    expect(await rowCounts()).toEqual({
      submissions: before.submissions + 2,
      audit: before.audit + 1,
    });
  });
});

describe("period keys follow the report type's cadence", () => {
  it.each([
    ["99999", "rates"],
    ["2024-Q9", "rates"],
    ["2024-Q2", "rates"],
    ["2024-M13", "rates"],
    ["99999", "list"],
    ["2024-Q9", "list"],
    ["2024-Q9", "generate"],
    ["2024-M00", "generate"],
    ["2024-Q9", "consolidated"],
  ])("refuses %s for a monthly type (%s)", async (period, where) => {
    const before = await rowCounts();
    const response =
      where === "generate"
        ? await call("vpdp", "POST", "/api/reports/generate", { typeId: monthlyId, period })
        : await call(
            "vpdp",
            "GET",
            where === "rates"
              ? `/api/reports/rates?type=${monthlyId}&period=${period}`
              : where === "list"
                ? `/api/reports?type=${monthlyId}&period=${period}`
                : `/api/reports/consolidated?type=${monthlyId}&period=${period}`,
          );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain("tháng 1–12");
    expect(await rowCounts()).toEqual(before);
  });
});
