import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { tables } from "@ntm/db";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { importRecognitions } from "./import-recognitions.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let batchId = 0;

async function call(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

async function recognise(unitCode: string, decisionNumber: string) {
  await importRecognitions(t.database.db, {
    by: systemUser,
    demo: false,
    rows: [{ unitCode, level: "standard", year: 2024, decisionNumber, decisionDate: "2024-03-01" }],
  });
}

const dossierCount = async () =>
  (await t.database.db.select({ n: count() }).from(tables.dossiers))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, {
    input: { username: "mttq1", password: testPassword, role: "fatherland_front", unitCode: "X01" },
    by: systemUser,
  });
  for (const user of ["admin", "vpdp", "so-nn", "huyen", "xa1", "xa3", "mttq1"])
    cookies[user] = await loginAs(t.app, user);
  const scorecard = await call("xa1", "GET", "/api/units/X01/scorecard?year=2024");
  await call("xa1", "PUT", "/api/units/X01/assessments/2024/values", {
    version: scorecard.body.assessment.version,
    values: [
      { indicatorCode: "3.1", value: 85 },
      { indicatorCode: "3.2", value: true },
      { indicatorCode: "10.1", value: 50 },
      { indicatorCode: "10.2", value: 5 },
    ],
  });
  batchId = (
    await call("vpdp", "POST", "/api/dossier-batches", {
      provinceCode: "P01",
      name: "Đợt 1 năm 2024",
      year: 2024,
      deadline: "2024-12-31",
    })
  ).body.id;
});
afterAll(async () => t?.close());

describe("a commune already recognised at a level for a year", () => {
  it("cannot file another recognition dossier for the same level and year", async () => {
    await recognise("X03", "100/QĐ-UBND");
    const before = await dossierCount();
    const refused = await call("xa3", "POST", "/api/dossiers", {
      unitCode: "X03",
      year: 2024,
      requestedLevel: "standard",
      batchId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      "Xã Tê Xăng đã được công nhận xã đạt chuẩn nông thôn mới năm 2024 (Quyết định số 100/QĐ-UBND ngày 01/03/2024), quyết định còn hiệu lực: không xét công nhận lại cùng mức, cùng năm.",
    );
    expect(await dossierCount()).toBe(before);
  });

  it("cannot complete one filed before it was recognised; the first recognition stays in force", async () => {
    const filed = await call("xa1", "POST", "/api/dossiers", {
      unitCode: "X01",
      year: 2024,
      requestedLevel: "standard",
      batchId,
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id as number;
    const step = (user: string, code: string, data: object) =>
      call(user, "POST", `/api/dossiers/${id}/steps/${code}/complete`, data);
    await step("xa1", "self_assessment", { reportNumber: "01/BC-UBND", reportDate: "2024-01-05" });
    await step("mttq1", "front_comments", {
      comments: [{ organisation: "Ủy ban MTTQ xã", date: "2024-01-06", content: "Nhất trí" }],
    });
    await step("xa1", "public_posting", {
      postingFrom: "2024-01-08",
      postingTo: "2024-01-22",
      places: ["Trụ sở UBND xã"],
      broadcasts: ["2024-01-08", "2024-01-10", "2024-01-12", "2024-01-15", "2024-01-18"],
    });
    await step("mttq1", "satisfaction_survey", {
      formsIssued: 300,
      formsReturned: 280,
      formsSatisfied: 260,
      contents: [],
    });
    await step("huyen", "verification", {
      reportNumber: "15/BC-UBND",
      reportDate: "2024-02-10",
      noticeDate: "2024-02-12",
      noConstructionDebt: true,
      debtEvidence: "Xác nhận của Kho bạc Nhà nước huyện",
      securityNotComplicated: true,
    });
    await call("so-nn", "POST", `/api/dossiers/${id}/confirmations`, { criteria: ["3"] });
    await call("vpdp", "POST", `/api/dossiers/${id}/confirmations`, { criteria: ["10"] });
    await step("vpdp", "appraisal", { siteVisitDate: "2024-03-05", siteVisitNote: "Đúng thực tế" });
    const vote = await step("vpdp", "council_vote", {
      meetingDate: "2024-03-20",
      members: [
        { name: "Ông A", vote: "for" },
        { name: "Bà B", vote: "for" },
      ],
    });
    expect(vote.body.currentStep).toBe("decision");

    await recognise("X01", "200/QĐ-UBND");
    const decided = await step("admin", "decision", {
      decisionNumber: "456/QĐ-UBND",
      decisionDate: "2024-04-01",
      signer: "Chủ tịch UBND tỉnh",
      publishedOn: "2024-04-02",
    });
    expect(decided.status).toBe(409);
    expect(decided.body.error.message).toContain("Quyết định số 200/QĐ-UBND ngày 01/03/2024");
    const after = await call("admin", "GET", `/api/dossiers/${id}`);
    expect(after.body).toMatchObject({ status: "open", currentStep: "decision" });
    expect(after.body.history).toEqual([
      expect.objectContaining({
        decisionNumber: "200/QĐ-UBND",
        level: "standard",
        endedOn: null,
        endReason: null,
      }),
    ]);
  });
});
