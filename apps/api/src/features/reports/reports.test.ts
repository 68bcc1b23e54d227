import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ObstacleDto, RatesResponse, ReportSubmissionDto } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

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
  for (const user of ["admin", "vpdp", "huyen", "xa1", "xa3", "xem", "so-nn"])
    cookies[user] = await loginAs(t.app, user);
});
afterAll(async () => t.close());

const monthly = {
  code: "huyen-thang",
  name: "Báo cáo tháng của UBND huyện",
  cadence: "monthly",
  dueRule: { kind: "dayOfNextMonth", day: 15 },
  submitterLevel: "district",
  legalBasis: "Kế hoạch của UBND tỉnh",
};

describe("report types and submissions", () => {
  let typeId = 0;

  it("lets only the receiving office create a report type", async () => {
    expect((await call("huyen", "POST", "/api/report-types", monthly)).statusCode).toBe(403);
    const created = await call("vpdp", "POST", "/api/report-types", monthly);
    expect(created.statusCode).toBe(201);
    typeId = created.json().id;
    expect(created.json().dueRuleText).toBe("Trước ngày 15 tháng sau kỳ báo cáo");
    expect((await call("vpdp", "POST", "/api/report-types", monthly)).statusCode).toBe(409);
    expect(
      (
        await call("vpdp", "POST", "/api/report-types", {
          ...monthly,
          code: "x",
          cadence: "weekly",
        })
      ).statusCode,
    ).toBe(400);
  });

  it("drafts, submits, returns and resubmits a monthly report; the rate board follows", async () => {
    expect((await call("vpdp", "POST", "/api/report-periods/open")).statusCode).toBe(200);
    const list = (
      await call("huyen", "GET", "/api/reports?period=2024-M05")
    ).json() as ReportSubmissionDto[];
    expect(list.map((r) => r.unitCode)).toEqual(["D01"]);
    const report = list[0]!;
    expect(report).toMatchObject({
      dueDate: "2024-06-15",
      state: "draft",
      timeliness: "pending",
      canSubmit: true,
      canReturn: false,
    });

    const draft = (
      await call("huyen", "GET", `/api/reports/${report.id}`)
    ).json() as ReportSubmissionDto;
    expect(draft.figures).toMatchObject({ year: 2024, communes: 2 });
    expect((await call("xa3", "GET", `/api/reports/${report.id}`)).statusCode).toBe(404);
    expect(
      (
        await call("vpdp", "POST", `/api/reports/${report.id}/submit`, {
          narrative: "x",
          version: 0,
        })
      ).statusCode,
    ).toBe(403);

    const stale = await call("huyen", "POST", `/api/reports/${report.id}/submit`, {
      narrative: "x",
      version: 5,
    });
    expect(stale.statusCode).toBe(409);
    const submitted = (
      await call("huyen", "POST", `/api/reports/${report.id}/submit`, {
        narrative: "Tình hình tháng 5",
        version: 0,
      })
    ).json() as ReportSubmissionDto;
    expect(submitted).toMatchObject({
      state: "submitted",
      timeliness: "on_time",
      narrative: "Tình hình tháng 5",
      canSubmit: false,
    });
    expect(submitted.figures?.communes).toBe(2);

    expect(
      (await call("huyen", "POST", `/api/reports/${report.id}/return`, { reason: "Thiếu số liệu" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call("vpdp", "POST", `/api/reports/${report.id}/return`, { reason: "x" })).statusCode,
    ).toBe(400);
    const returned = (
      await call("vpdp", "POST", `/api/reports/${report.id}/return`, {
        reason: "Bổ sung số liệu xã Đăk Choong",
      })
    ).json() as ReportSubmissionDto;
    expect(returned).toMatchObject({
      state: "returned",
      returnReason: "Bổ sung số liệu xã Đăk Choong",
      timeliness: "pending",
    });

    const again = await call("huyen", "POST", `/api/reports/${report.id}/submit`, {
      narrative: "Đã bổ sung",
      version: returned.version,
    });
    expect(again.json()).toMatchObject({ state: "submitted", narrative: "Đã bổ sung" });
    expect(
      (
        await call("huyen", "POST", `/api/reports/${report.id}/submit`, {
          narrative: "lần 3",
          version: again.json().version,
        })
      ).statusCode,
    ).toBe(409);

    const rates = (
      await call("vpdp", "GET", `/api/reports/rates?type=${typeId}`)
    ).json() as RatesResponse;
    expect(rates.periods.map((p) => p.key)).toEqual([
      "2024-M01",
      "2024-M02",
      "2024-M03",
      "2024-M04",
      "2024-M05",
    ]);
    const d01 = rates.rows.find((row) => row.unitCode === "D01")!;
    expect(d01.cells.find((c) => c.periodKey === "2024-M05")?.timeliness).toBe("on_time");
    expect(d01.cells.find((c) => c.periodKey === "2024-M04")?.timeliness).toBe("missing");
    expect(rates.totals).toMatchObject({
      expected: 10,
      onTime: 1,
      missing: 8,
      pending: 1,
      onTimeRate: 11.1,
    });
    expect((await call("huyen", "GET", `/api/reports/rates?type=${typeId}`)).statusCode).toBe(403);
  });

  it("reminds the district of the reports it still owes", async () => {
    const reminders = (await call("huyen", "GET", "/api/reports/reminders")).json() as {
      kind: string;
      message: string;
    }[];
    // December 2023 and January–April 2024; May is submitted.
    expect(reminders.length).toBe(5);
    expect(reminders.every((r) => r.kind === "overdue")).toBe(true);
    expect(reminders[0]?.message).toContain("đã quá hạn");
  });

  it("generates department reports for a quarterly type", async () => {
    const created = await call("vpdp", "POST", "/api/report-types", {
      code: "so-quy",
      name: "Báo cáo quý của sở, ngành",
      cadence: "quarterly",
      dueRule: { kind: "workingDaysAfter", days: 15 },
      submitterLevel: "department",
    });
    await call("vpdp", "POST", "/api/report-periods/open");
    const list = (
      await call("so-nn", "GET", `/api/reports?type=${created.json().id}`)
    ).json() as ReportSubmissionDto[];
    expect(list.map((r) => [r.periodKey, r.dueDate, r.departmentCode])).toEqual([
      ["2023-Q4", "2024-01-22", "so-nn"],
      ["2024-Q1", "2024-04-22", "so-nn"],
    ]);
    expect(list.every((r) => r.canSubmit)).toBe(true);
  });
});

describe("obstacles", () => {
  it("is raised by a commune, escalated level by level and resolved by the province, with its history", async () => {
    const input = {
      unitCode: "X01",
      title: "Thiếu vốn làm đường trục xã",
      criterionCodes: ["3"],
      dueDate: "2024-07-01",
    };
    expect((await call("xem", "POST", "/api/obstacles", input)).statusCode).toBe(403);
    expect((await call("xa3", "POST", "/api/obstacles", input)).statusCode).toBe(403);
    const raised = await call("xa1", "POST", "/api/obstacles", input);
    expect(raised.statusCode).toBe(201);
    const obstacle = raised.json() as ObstacleDto;
    expect(obstacle).toMatchObject({
      status: "open",
      holder: "commune",
      canEscalate: true,
      canResolve: true,
    });

    expect(
      (await call("huyen", "POST", `/api/obstacles/${obstacle.id}/resolve`, { answer: "Đã xong" }))
        .statusCode,
    ).toBe(403);
    const toDistrict = (
      await call("xa1", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
        note: "Vượt khả năng ngân sách xã",
      })
    ).json();
    expect(toDistrict).toMatchObject({
      status: "escalated",
      holder: "district",
      canResolve: false,
    });
    expect(
      (
        await call("xa1", "POST", `/api/obstacles/${obstacle.id}/resolve`, {
          answer: "Tự giải quyết",
        })
      ).statusCode,
    ).toBe(403);
    await call("huyen", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
      note: "Đề nghị tỉnh bố trí vốn",
    });
    const back = await call("vpdp", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
      to: "district",
      note: "Trả về huyện",
    });
    expect(back.statusCode).toBe(400);
    await call("vpdp", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
      note: "Vượt thẩm quyền, đề xuất UBND tỉnh",
    });
    const resolved = (
      await call("admin", "POST", `/api/obstacles/${obstacle.id}/resolve`, {
        answer: "Bố trí vốn ngân sách tỉnh năm 2024",
      })
    ).json() as ObstacleDto;
    expect(resolved).toMatchObject({
      status: "resolved",
      holder: "province_committee",
      answer: "Bố trí vốn ngân sách tỉnh năm 2024",
    });
    expect(resolved.events.map((e) => [e.action, e.toHolder])).toEqual([
      ["raise", "commune"],
      ["escalate", "district"],
      ["escalate", "coordination_office"],
      ["escalate", "province_committee"],
      ["resolve", "province_committee"],
    ]);
    expect(resolved.events[1]?.hoursSincePrevious).toBe(0);
    const again = await call("admin", "POST", `/api/obstacles/${obstacle.id}/resolve`, {
      answer: "Trả lời lần nữa",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("đã được giải quyết");
  });

  it("lists open obstacles by criterion and overdue, only in scope", async () => {
    await call("huyen", "POST", "/api/obstacles", {
      unitCode: "X02",
      title: "Chậm giải phóng mặt bằng",
      criterionCodes: ["10"],
      dueDate: "2024-06-15",
    });
    const byCriterion = (
      await call("vpdp", "GET", "/api/obstacles?status=unresolved&criterion=10")
    ).json() as ObstacleDto[];
    expect(byCriterion.map((o) => o.title)).toEqual(["Chậm giải phóng mặt bằng"]);
    expect((await call("vpdp", "GET", "/api/obstacles?overdue=true")).json()).toEqual([]);
    expect(((await call("xa3", "GET", "/api/obstacles")).json() as ObstacleDto[]).length).toBe(0);
    expect(((await call("huyen", "GET", "/api/obstacles")).json() as ObstacleDto[]).length).toBe(2);
  });
});
