import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyTasksResponse, RemindResult, ReportSubmissionDto } from "@ntm/contracts";
import ExcelJS from "exceljs";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { loadConfig } from "../../shared/config.ts";
import { findOutboxMails } from "../../shared/mail/outbox.repository.ts";
import { findAuditEntries } from "../audit/index.ts";

/**
 * "Nhắc nộp" and "Xuất Excel các dòng đã chọn" on a commune monthly report (province P01: D01 with
 * communes X01, X02; D02 with X03), and the commune officer drafting and submitting its own report.
 * The test day is 15/06/2024, so the reports of April 2024 (due 15/05) are overdue.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const users = ["admin", "vpdp", "huyen", "xa1", "xa3", "xem", "so-nn", "admin2", "xa21"];

async function call(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user]! },
    ...(payload ? { payload } : {}),
  });
}

const communeMonthly = {
  code: "xa-thang",
  name: "Báo cáo tháng của UBND xã về xây dựng nông thôn mới",
  cadence: "monthly",
  dueRule: { kind: "dayOfNextMonth", day: 15 },
  submitterLevel: "commune",
};

/** The April 2024 reports by unit, as the office lists them. */
let april: Map<string, ReportSubmissionDto>;
let otherProvince: ReportSubmissionDto;

beforeAll(async () => {
  t = await createTestApp({ config: loadConfig({ NTM_SMTP_URL: "smtp://127.0.0.1:2525" }) });
  for (const user of users) cookies[user] = await loginAs(t.app, user);
  for (const [user, email] of [
    ["xa1", "xa1@example.vn"],
    ["xa3", "xa3@example.vn"],
  ] as const) {
    const set = await call(user, "PUT", "/api/notification-email", { email });
    expect(set.statusCode).toBe(200);
  }
  for (const office of ["vpdp", "admin2"]) {
    const created = await call(office, "POST", "/api/report-types", {
      ...communeMonthly,
      code: `${communeMonthly.code}-${office}`,
    });
    expect(created.statusCode).toBe(201);
    const opened = await call(office, "POST", "/api/reports/generate", {
      typeId: created.json().id,
      period: "2024-M04",
    });
    expect(opened.statusCode).toBe(200);
  }
  const list = (await call("vpdp", "GET", "/api/reports?period=2024-M04")).json();
  april = new Map((list as ReportSubmissionDto[]).map((row) => [row.unitCode, row]));
  otherProvince = (
    (await call("admin2", "GET", "/api/reports?period=2024-M04")).json() as ReportSubmissionDto[]
  ).find((row) => row.unitCode === "Y01")!;
});
afterAll(async () => t?.close());

const idOf = (code: string) => april.get(code)!.id;
const outbox = () => findOutboxMails(t.database.db);
const remindAudits = async () =>
  (await findAuditEntries(t.database.db, { entityType: "report_submission", limit: 100 })).filter(
    (row) => row.action === "report.remind",
  );
const tasksOf = async (user: string) =>
  ((await call(user, "GET", "/api/me/tasks")).json() as MyTasksResponse).tasks;

describe("a commune report type", () => {
  it("expects one report from every assessed commune of the province, overdue after the 15th", () => {
    expect([...april.keys()].sort()).toEqual(["X01", "X02", "X03"]);
    expect(april.get("X01")).toMatchObject({
      dueDate: "2024-05-15",
      timeliness: "missing",
      canSubmit: false,
      canRemind: true,
      remindedOn: null,
    });
  });

  it("shows the commune officer only its own commune's report, which it may submit", async () => {
    const mine = (await call("xa1", "GET", "/api/reports")).json() as ReportSubmissionDto[];
    expect(mine.map((row) => row.unitCode)).toEqual(["X01"]);
    expect(mine[0]).toMatchObject({ canSubmit: true, canRead: true, canRemind: false });
    const tasks = await tasksOf("xa1");
    expect(tasks.filter((task) => task.kind === "report").map((task) => task.id)).toEqual([
      `report:${idOf("X01")}`,
    ]);
  });
});

describe("Nhắc nộp", () => {
  it("refuses a district reminding a commune of another district, with the policy's reason; nothing is queued", async () => {
    const before = (await outbox()).length;
    const response = await call("huyen", "POST", "/api/reports/remind", {
      ids: [idOf("X01"), idOf("X03")],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe(
      "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.",
    );
    expect(await outbox()).toHaveLength(before);
    expect(await remindAudits()).toEqual([]);
    expect((await tasksOf("xa1")).some((task) => task.kind === "report_reminder")).toBe(false);
  });

  it("refuses another province's report, a viewer, a commune officer and a department; nothing is queued", async () => {
    const cases: [string, number[], string][] = [
      ["vpdp", [idOf("X01"), otherProvince.id], "nằm ngoài phạm vi"],
      ["admin2", [idOf("X02")], "nằm ngoài phạm vi"],
      ["xem", [idOf("X01")], "Chỉ Văn phòng điều phối, quản trị tỉnh hoặc cấp huyện"],
      ["xa1", [idOf("X01")], "Chỉ Văn phòng điều phối, quản trị tỉnh hoặc cấp huyện"],
      ["so-nn", [idOf("X01")], "Chỉ Văn phòng điều phối, quản trị tỉnh hoặc cấp huyện"],
    ];
    for (const [user, ids, reason] of cases) {
      const response = await call(user, "POST", "/api/reports/remind", { ids });
      expect([user, response.statusCode]).toEqual([user, 403]);
      expect(response.json().error.message).toContain(reason);
    }
    const english = await t.app.inject({
      method: "POST",
      url: "/api/reports/remind",
      headers: { cookie: cookies.xem!, "accept-language": "en" },
      payload: { ids: [idOf("X01")] },
    });
    expect(english.statusCode).toBe(403);
    expect(await outbox()).toEqual([]);
    expect(await remindAudits()).toEqual([]);
  });

  it("answers an empty selection and an unknown report with a Vietnamese error", async () => {
    const empty = await call("huyen", "POST", "/api/reports/remind", { ids: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("Chọn ít nhất một báo cáo để nhắc");
    const unknown = await call("huyen", "POST", "/api/reports/remind", { ids: [999999] });
    expect(unknown.statusCode).toBe(404);
    expect(await outbox()).toEqual([]);
  });

  it("reminds the district's two communes: one mail per submitter, a task on their home, an audit row each", async () => {
    const response = await call("huyen", "POST", "/api/reports/remind", {
      ids: [idOf("X01"), idOf("X02")],
    });
    expect(response.statusCode).toBe(200);
    const result = response.json() as RemindResult;
    expect(result.reminded.map((row) => [row.unitName, row.mails])).toEqual([
      ["Xã Đăk Pék", 1],
      ["Xã Đăk Choong", 0],
    ]);
    // X02 has no officer with an address: reminded in the app only.
    expect(result.withoutAddress).toBe(1);
    const mails = await outbox();
    expect(mails.map((mail) => mail.recipients)).toEqual([["xa1@example.vn"]]);
    expect(mails[0]!.subject).toContain("Nhắc nộp báo cáo");
    expect(mails[0]!.body).toContain("Huyện Đăk Glei nhắc Xã Đăk Pék nộp");
    expect(mails[0]!.body).toContain("hạn nộp 15/05/2024");

    const audits = await remindAudits();
    expect(audits.map((row) => [row.username, row.unitCode]).sort()).toEqual([
      ["huyen", "X01"],
      ["huyen", "X02"],
    ]);

    const home = await tasksOf("xa1");
    const reminder = home.find((task) => task.kind === "report_reminder");
    expect(reminder).toMatchObject({
      id: `report:${idOf("X01")}`,
      submissionId: idOf("X01"),
      remindedBy: "Huyện Đăk Glei",
      overdue: true,
      periodLabel: "Tháng 4/2024",
    });
    // The report shows once on the home: as the reminder, not also as a plain report line.
    expect(home.filter((task) => task.id === `report:${idOf("X01")}`)).toHaveLength(1);
    // X03 (another district) was not reminded.
    expect((await tasksOf("xa3")).some((task) => task.kind === "report_reminder")).toBe(false);

    const listed = (await call("huyen", "GET", "/api/reports?period=2024-M04")).json();
    expect(
      (listed as ReportSubmissionDto[]).find((row) => row.unitCode === "X01")?.remindedOn,
    ).toBe("2024-06-15");
  });

  it("sends nothing twice on the same day", async () => {
    const before = (await outbox()).length;
    const again = await call("vpdp", "POST", "/api/reports/remind", {
      ids: [idOf("X01"), idOf("X03")],
    });
    expect(again.statusCode).toBe(200);
    const result = again.json() as RemindResult;
    expect(result.alreadyToday).toEqual([idOf("X01")]);
    expect(result.reminded.map((row) => row.unitName)).toEqual(["Xã Tê Xăng"]);
    expect((await outbox()).map((mail) => mail.recipients)).toHaveLength(before + 1);
    expect((await remindAudits()).length).toBe(3);
  });
});

describe("the commune officer submits its report", () => {
  it("refuses another commune's report and a report it does not submit", async () => {
    const other = await call("xa1", "POST", `/api/reports/${idOf("X03")}/submit`, {
      narrative: "x",
      version: 0,
    });
    expect(other.statusCode).toBe(404);
    const sibling = await call("xa1", "POST", `/api/reports/${idOf("X02")}/submit`, {
      narrative: "x",
      version: 0,
    });
    expect(sibling.statusCode).toBe(404);
    const byDistrict = await call("huyen", "POST", `/api/reports/${idOf("X01")}/submit`, {
      narrative: "x",
      version: 0,
    });
    expect(byDistrict.statusCode).toBe(403);
    expect(byDistrict.json().error.message).toBe(
      "Chỉ đơn vị nộp và cơ quan nhận được xem báo cáo này.",
    );
    const otherProvinceOfficer = await call("xa21", "POST", `/api/reports/${idOf("X01")}/submit`, {
      narrative: "x",
      version: 0,
    });
    expect(otherProvinceOfficer.statusCode).toBe(404);
  });

  it("drafts from its commune's data, submits late, and the reminder leaves its home", async () => {
    const draft = (
      await call("xa1", "GET", `/api/reports/${idOf("X01")}`)
    ).json() as ReportSubmissionDto;
    expect(draft.figures).toMatchObject({ communes: 1 });
    const submitted = await call("xa1", "POST", `/api/reports/${idOf("X01")}/submit`, {
      narrative: "Tháng 4: hoàn thành 1,2 km đường trục thôn.",
      version: draft.version,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      state: "submitted",
      timeliness: "late",
      canRemind: false,
    });
    expect((await tasksOf("xa1")).some((task) => task.id === `report:${idOf("X01")}`)).toBe(false);
    const remind = await call("vpdp", "POST", "/api/reports/remind", { ids: [idOf("X01")] });
    expect(remind.statusCode).toBe(409);
    expect(remind.json().error.message).toContain("đã nộp báo cáo Tháng 4/2024");
  });
});

describe("Xuất Excel các dòng đã chọn", () => {
  it("exports the chosen rows of the list, and refuses a row the account does not see", async () => {
    const ids = [idOf("X01"), idOf("X02")];
    const response = await call("huyen", "GET", `/api/reports/export?ids=${ids.join(",")}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("bao-cao-da-chon.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Báo cáo")!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((row) => [row[3], row[5], row[6], row[7]])).toEqual([
      ["Xã Đăk Pék", "15/05/2024", "Đã nộp", "Trễ hạn"],
      ["Xã Đăk Choong", "15/05/2024", "Chưa nộp", "Chưa nộp (quá hạn)"],
    ]);
    const outside = await call("huyen", "GET", `/api/reports/export?ids=${idOf("X03")}`);
    expect(outside.statusCode).toBe(404);
    const bad = await call("huyen", "GET", "/api/reports/export?ids=1;2");
    expect(bad.statusCode).toBe(400);
  });
});
