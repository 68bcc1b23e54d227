import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportSubmissionDto } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../test/test-app.ts";
import { currentYear, localDateTime, today } from "./clock.ts";

describe("today in Viet Nam", () => {
  it.each<{ instant: string; date: string }>([
    { instant: "2024-06-15T16:59:59.999Z", date: "2024-06-15" },
    { instant: "2024-06-15T17:00:00.000Z", date: "2024-06-16" },
    { instant: "2024-06-15T18:30:00.000Z", date: "2024-06-16" },
    { instant: "2024-12-31T17:00:00.000Z", date: "2025-01-01" },
  ])("$instant is $date", ({ instant, date }) => {
    expect(today(new Date(instant))).toBe(date);
  });

  it("agrees with the time zone database", () => {
    const instant = new Date("2024-06-15T18:30:00Z");
    expect(today(instant)).toBe(
      instant.toLocaleDateString("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }),
    );
  });

  it("gives the year of New Year's night in Viet Nam", () => {
    expect(currentYear(new Date("2024-12-31T18:00:00Z"))).toBe(2025);
  });

  it("writes an instant with the +07:00 offset, starting with the local date", () => {
    const instant = new Date("2024-06-15T18:30:00Z");
    const written = localDateTime(instant);
    expect(written).toBe("2024-06-16T01:30:00.000+07:00");
    expect(new Date(written).getTime()).toBe(instant.getTime());
  });
});

describe("dossiers and reports at 01:30 on 16/06/2024 in Viet Nam", () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const call = (user: string, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2024-06-15T18:30:00Z") });
    for (const user of ["vpdp", "xa1"]) cookies[user] = await loginAs(t.app, user);
  });
  afterAll(async () => t?.close());

  it("see the same day: a due date of 15/06 has passed for both", async () => {
    const type = await call("vpdp", "POST", "/api/report-types", {
      code: "huyen-thang",
      name: "Báo cáo tháng của UBND huyện",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "district",
    });
    expect(type.statusCode).toBe(201);
    const opened = await call("vpdp", "POST", "/api/reports/generate", {
      typeId: type.json().id,
      period: "2024-M05",
    });
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    const reports = (await call("vpdp", "GET", "/api/reports")).json() as ReportSubmissionDto[];
    const report = reports.find((row) => row.unitCode === "D01" && row.periodKey === "2024-M05");
    expect(report).toMatchObject({ dueDate: "2024-06-15", timeliness: "missing" });

    // The self-assessment is due 75 days before the batch deadline: 15/06/2024.
    const batch = await call("vpdp", "POST", "/api/dossier-batches", {
      provinceCode: "P01",
      name: "Đợt tháng 8",
      year: 2024,
      deadline: "2024-08-29",
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const dossier = await call("xa1", "POST", "/api/dossiers", {
      unitCode: "X01",
      year: 2024,
      batchId: batch.json().id,
    });
    expect(dossier.statusCode, dossier.body).toBe(201);
    expect(dossier.json()).toMatchObject({ due: "2024-06-15", overdue: true });
  });

  it("accept a step dated today in Viet Nam, although it is still 15/06 in UTC", async () => {
    const dossiers = (await call("xa1", "GET", "/api/dossiers")).json() as { id: number }[];
    const completed = await call(
      "xa1",
      "POST",
      `/api/dossiers/${dossiers[0]!.id}/steps/self_assessment/complete`,
      { reportNumber: "1/BC", reportDate: "2024-06-16" },
    );
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().state.steps[0].completedAt.slice(0, 10)).toBe("2024-06-16");
  });
});
