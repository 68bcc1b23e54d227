import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ObstacleDto, ReportSubmissionDto } from "@ntm/contracts";
import { submittedMonthlyReport, zipEntry } from "../../test/report-period.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let typeId = 0;

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
  for (const user of ["admin", "vpdp", "huyen", "so-nn", "xa1"])
    cookies[user] = await loginAs(t.app, user);
  typeId = await submittedMonthlyReport(t.app, cookies);
});
afterAll(async () => t.close());

it("drafts targets status and plan money from the targets module", async () => {
  const target = await call("admin", "POST", "/api/targets", {
    unitCode: "D01",
    name: "Ít nhất 1 xã đạt chuẩn NTM đến năm 2025",
    kind: "communesAtLevel",
    level: "standard",
    baselineYear: 2022,
    deadlineYear: 2025,
    value: 1,
    source: "Nghị quyết của Huyện ủy",
  });
  expect(target.statusCode, target.body).toBe(201);
  const plan = await t.app.inject({
    method: "PUT",
    url: "/api/units/X01/plans/2024",
    headers: { cookie: cookies.xa1! },
    payload: {
      version: 0,
      criteria: ["3"],
      landUseFeeRevenue: 0,
      items: [
        {
          criterionCode: "3",
          investment: 2_500_000_000,
          funding: { central: 2_000_000_000 },
          tasks: [],
        },
      ],
    },
  });
  expect(plan.statusCode, plan.body).toBe(200);
  const [report] = (
    await call("huyen", "GET", `/api/reports?period=2024-M04&type=${typeId}`)
  ).json() as ReportSubmissionDto[];
  const draft = (
    await call("huyen", "GET", `/api/reports/${report!.id}`)
  ).json() as ReportSubmissionDto;
  expect(draft.figures?.notes).toEqual([]);
  expect(draft.figures?.targets?.total).toBe(1);
  expect(draft.figures?.planMoney).toEqual({
    year: 2024,
    communesWithPlan: 1,
    investment: 2_500_000_000,
    funded: 2_000_000_000,
  });

  expect(draft.figures?.notes.join(" ")).not.toContain("chưa có trong bản nháp");
});

it("builds the consolidated report as a DOCX in the administrative layout", async () => {
  const url = `/api/reports/consolidated?type=${typeId}&period=2024-M05`;
  expect((await call("huyen", "GET", url)).statusCode).toBe(403);
  expect((await call("so-nn", "GET", url)).statusCode).toBe(403);
  expect(
    (await call("vpdp", "GET", `/api/reports/consolidated?type=${typeId}&period=2023-M05`))
      .statusCode,
  ).toBe(404);
  const docx = await call("vpdp", "GET", url);
  expect(docx.statusCode).toBe(200);
  expect(docx.headers["content-type"]).toContain("wordprocessingml");
  const xml = zipEntry(docx.rawPayload, "word/document.xml");
  for (const text of [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TỈNH THỬ NGHIỆM",
    "/BC-VPĐP",
    "Thử Nghiệm, ngày 15 tháng 06 năm 2024",
    "Báo cáo tháng của UBND huyện — Tháng 5/2024",
    "1/2 đơn vị đã gửi báo cáo",
    "chưa có báo cáo của: Huyện Tu Mơ Rông",
    "Toàn tỉnh có 3 xã",
    "Huyện Đăk Glei hoàn thành cứng hóa 5 km đường trục xã.",
    "CHÁNH VĂN PHÒNG",
  ]) {
    expect(xml).toContain(text);
  }
});

it("builds the Excel annex with one row per submitting unit", async () => {
  const response = await call(
    "vpdp",
    "GET",
    `/api/reports/consolidated?type=${typeId}&period=2024-M05&format=xlsx`,
  );
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Phụ lục")!;
  expect(sheet.getCell("B3").value).toBe("Đơn vị");
  expect(sheet.getCell("H3").value).toBe("Bình quân tiêu chí/xã");
  expect(sheet.getCell("B4").value).toBe("Huyện Đăk Glei");
  expect(sheet.getCell("C4").value).toBe("Đã nộp");
  expect(sheet.getCell("D4").value).toBe("Đúng hạn");
  expect(sheet.getCell("F4").value).toBe(2);
  expect(sheet.getCell("E4").numFmt).toBe("dd/mm/yyyy");
  expect(sheet.getCell("H4").numFmt).toBe("#,##0.0");
  expect(sheet.getCell("B5").value).toBe("Huyện Tu Mơ Rông");
  expect(sheet.getCell("C5").value).toBe("Chưa nộp");
  expect(sheet.getCell("F5").value).toBeNull();
  expect(sheet.getCell("B6").value).toBe("Tổng cộng (các báo cáo đã nộp)");
  expect(sheet.getCell("C6").value).toBe("1/2");
  expect(sheet.getCell("F6").value).toBe(2);
});

it("shows a department's report under the department's name", async () => {
  const created = await call("vpdp", "POST", "/api/report-types", {
    code: "so-quy",
    name: "Báo cáo quý của sở, ngành",
    cadence: "quarterly",
    dueRule: { kind: "workingDaysAfter", days: 15 },
    submitterLevel: "department",
  });
  await call("vpdp", "POST", "/api/report-periods/open");
  const [report] = (
    await call("so-nn", "GET", `/api/reports?type=${created.json().id}`)
  ).json() as ReportSubmissionDto[];
  expect(report).toMatchObject({ departmentCode: "so-nn" });
  expect(report?.unitName).not.toBe("so-nn");
  expect(report?.unitName).toMatch(/^Sở /u);
});

it("filters obstacles by the department in charge of their criteria", async () => {
  for (const [title, criterionCodes] of [
    ["Thiếu vốn làm đường trục xã", ["3"]],
    ["Chậm giải phóng mặt bằng", ["10"]],
  ] as const) {
    const raised = await call("xa1", "POST", "/api/obstacles", {
      unitCode: "X01",
      title,
      criterionCodes,
      dueDate: "2024-07-01",
    });
    expect(raised.statusCode).toBe(201);
  }
  const list = (
    await call("vpdp", "GET", "/api/obstacles?department=so-nn")
  ).json() as ObstacleDto[];
  expect(list.map((o) => o.title)).toEqual(["Thiếu vốn làm đường trục xã"]);
});
