import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyTasksResponse, ReportSubmissionDto } from "@ntm/contracts";
import { systemUser } from "../auth/index.ts";
import { importUnits } from "../units/index.ts";
import { createUser } from "../users/index.ts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";

/**
 * "Việc của tôi" after a reform like that of 1/7/2025: the test province P01 gets a new version
 * (the code is reused, as Quảng Ngãi's 51), its district D01 ends, commune X01 keeps its code and
 * takes in X02 (as new 23344 Đăk Plô took in Đắk Man). A report is the work of the tree of its
 * period (ADR 0026): one whose receiver of that period ended is nobody's any more.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const now = new Date("2026-02-20T03:00:00Z");

async function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user]! },
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

const reportTasks = async (user: string) =>
  ((await call(user, "GET", "/api/me/tasks")) as MyTasksResponse).tasks.filter(
    (task) => task.kind === "report" || task.kind === "report_reminder",
  );

let before: ReportSubmissionDto[] = [];
let after: ReportSubmissionDto[] = [];

beforeAll(async () => {
  t = await createTestApp({ now });
  const ended = { validFrom: "2008-01-01", validTo: "2025-06-30", region: "TN", flags: [] };
  const formed = { validFrom: "2025-07-01", region: "TN", flags: [] };
  await importUnits(t.database.db, {
    user: systemUser,
    rows: [
      { code: "P01", name: "Tỉnh Thử Nghiệm", level: "province", successorCode: "P01", ...ended },
      { code: "P01", name: "Tỉnh Thử Nghiệm", level: "province", ...formed },
      { code: "D01", name: "Huyện Đăk Glei", level: "district", parentCode: "P01", ...ended },
      {
        code: "X01",
        name: "Xã Đăk Pék",
        level: "commune",
        parentCode: "D01",
        successorCode: "X01",
        ...ended,
      },
      {
        code: "X02",
        name: "Xã Đăk Choong",
        level: "commune",
        parentCode: "D01",
        successorCode: "X01",
        ...ended,
      },
      { code: "X01", name: "Xã Đăk Pék", level: "commune", parentCode: "P01", ...formed },
    ],
  });
  await createUser(t.database.db, {
    input: { username: "xa2", password: testPassword, role: "commune_officer", unitCode: "X02" },
    by: systemUser,
  });
  for (const user of ["vpdp", "xa1", "xa2"]) cookies[user] = await loginAs(t.app, user);
  const type = await call("vpdp", "POST", "/api/report-types", {
    code: "xa-thang",
    name: "Báo cáo tháng của xã",
    cadence: "monthly",
    dueRule: { kind: "dayOfNextMonth", day: 10 },
    submitterLevel: "commune",
  });
  const generate = async (period: string) =>
    (await call("vpdp", "POST", "/api/reports/generate", {
      typeId: type.id,
      period,
    })) as ReportSubmissionDto[];
  before = await generate("2024-M11");
  after = await generate("2026-M01");
});
afterAll(async () => t?.close());

const ids = (rows: ReportSubmissionDto[], unitCode: string) =>
  rows.filter((row) => row.unitCode === unitCode).map((row) => `report:${row.id}`);

describe("reports on 'Việc của tôi' follow the tree of their period", () => {
  it("gives the xã of today its report of this year", async () => {
    const tasks = await reportTasks("xa1");
    expect(tasks.map((task) => task.id)).toEqual(expect.arrayContaining(ids(after, "X01")));
  });

  it("no longer lists the unsent 2024 report of the commune the reused code named then: its receiver, the province of 2024, ended on 30/06/2025 and nobody receives it", async () => {
    expect(ids(before, "X01")).toHaveLength(1);
    const tasks = await reportTasks("xa1");
    expect(tasks.map((task) => task.id)).toEqual(ids(after, "X01"));
  });

  it("no longer lists it for the account of the commune the reform closed either", async () => {
    expect(ids(before, "X02")).toHaveLength(1);
    expect(await reportTasks("xa2")).toEqual([]);
  });

  it("keeps the report itself, unsent, in the office's reading of 2024", async () => {
    const row = before.find((item) => item.unitCode === "X01")!;
    const read = (await call("xa1", "GET", `/api/reports/${row.id}`)) as ReportSubmissionDto;
    expect(read.state).toBe("draft");
  });
});
