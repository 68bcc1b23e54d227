import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import type { MyTasksResponse, TaskDto } from "@ntm/contracts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";

// The test clock is 2024-06-15 (Asia/Ho_Chi_Minh): the current year is 2024.
let t: TestApp;
const cookies: Record<string, string> = {};
const versions: Record<string, number> = {};

async function call(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: cookies[user] ? { cookie: cookies[user] } : {},
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

async function save(code: string, values: { indicatorCode: string; value: number | boolean }[]) {
  const body = await call("admin", "PUT", `/api/units/${code}/assessments/2024/values`, {
    version: versions[code] ?? 0,
    values,
  });
  versions[code] = body.assessment.version;
}

async function tasksOf(user: string): Promise<MyTasksResponse> {
  return call(user, "GET", "/api/me/tasks");
}

const ids = (tasks: TaskDto[]) => tasks.map((task) => task.id);
const ofKind = <K extends TaskDto["kind"]>(tasks: TaskDto[], kind: K) =>
  tasks.filter((task): task is Extract<TaskDto, { kind: K }> => task.kind === kind);

const obstacle = (unitCode: string, title: string, dueDate: string) => ({
  unitCode,
  title,
  criterionCodes: ["3"],
  dueDate,
});
const obstacleIds = { atCommune: 0, toDistrict: 0, toOffice: 0, atX03: 0 };
let dossierX01 = 0;
let dossierX03 = 0;
let districtTarget = 0;
let settledTarget = 0;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, {
    input: { username: "mttq3", password: testPassword, role: "fatherland_front", unitCode: "X03" },
    by: systemUser,
  });
  for (const user of ["admin", "vpdp", "so-nn", "huyen", "xa1", "xa3", "mttq3", "xem", "admin2"])
    cookies[user] = await loginAs(t.app, user);

  // X01 has half its values (criterion 3), X02 none, X03 all of them.
  await save("X01", [
    { indicatorCode: "3.1", value: 95 },
    { indicatorCode: "3.2", value: true },
  ]);
  await save("X03", [
    { indicatorCode: "3.1", value: 95 },
    { indicatorCode: "3.2", value: true },
    { indicatorCode: "10.1", value: 30 },
    { indicatorCode: "10.2", value: 4 },
  ]);

  // A batch still open whose self-assessment (due 75 days before its deadline) is overdue:
  // X01's dossier waits on the commune, X03's on its Front.
  const batch = await call("vpdp", "POST", "/api/dossier-batches", {
    provinceCode: "P01",
    name: "Đợt 1 năm 2024",
    year: 2024,
    deadline: "2024-08-01",
  });
  const file = (user: string, unitCode: string) =>
    call(user, "POST", "/api/dossiers", {
      unitCode,
      year: 2024,
      requestedLevel: "standard",
      batchId: batch.id,
    });
  dossierX01 = (await file("xa1", "X01")).id;
  dossierX03 = (await file("xa3", "X03")).id;
  await call("xa3", "POST", `/api/dossiers/${dossierX03}/steps/self_assessment/complete`, {
    reportNumber: "01/BC-UBND",
    reportDate: "2024-01-10",
  });

  // Monthly district reports (December 2023 to May 2024) and quarterly department reports.
  await call("vpdp", "POST", "/api/report-types", {
    code: "huyen-thang",
    name: "Báo cáo tháng của UBND huyện",
    cadence: "monthly",
    dueRule: { kind: "dayOfNextMonth", day: 15 },
    submitterLevel: "district",
  });
  await call("vpdp", "POST", "/api/report-types", {
    code: "so-quy",
    name: "Báo cáo quý của sở, ngành",
    cadence: "quarterly",
    dueRule: { kind: "workingDaysAfter", days: 15 },
    submitterLevel: "department",
  });
  await call("vpdp", "POST", "/api/report-periods/open");

  // Obstacles held by the commune, escalated to the district, escalated to the office, and X03's.
  obstacleIds.atCommune = (
    await call("xa1", "POST", "/api/obstacles", obstacle("X01", "Thiếu vốn đối ứng", "2024-06-20"))
  ).id;
  // Its due date has passed since it was raised.
  await t.database.db
    .update(tables.obstacles)
    .set({ dueDate: "2024-06-10" })
    .where(eq(tables.obstacles.id, obstacleIds.atCommune));
  obstacleIds.toDistrict = (
    await call(
      "xa1",
      "POST",
      "/api/obstacles",
      obstacle("X01", "Chậm giải phóng mặt bằng", "2024-07-01"),
    )
  ).id;
  await call("xa1", "POST", `/api/obstacles/${obstacleIds.toDistrict}/escalate`, {
    note: "Vượt khả năng của xã",
  });
  obstacleIds.toOffice = (
    await call(
      "huyen",
      "POST",
      "/api/obstacles",
      obstacle("D01", "Vướng hướng dẫn chỉ tiêu 3.1", "2024-08-01"),
    )
  ).id;
  await call("huyen", "POST", `/api/obstacles/${obstacleIds.toOffice}/escalate`, {
    note: "Đề nghị Văn phòng điều phối hướng dẫn",
  });
  obstacleIds.atX03 = (
    await call(
      "xa3",
      "POST",
      "/api/obstacles",
      obstacle("X03", "Thiếu cán bộ thủy lợi", "2024-09-01"),
    )
  ).id;

  // A district target behind its pace, and one whose deadline passed before the latest results.
  const target = {
    unitCode: "D01",
    kind: "communesAtLevel",
    level: "standard",
    baselineYear: 2024,
    value: 2,
  };
  districtTarget = (
    await call("huyen", "POST", "/api/targets", {
      ...target,
      name: "2 xã đạt chuẩn đến năm 2025",
      deadlineYear: 2025,
    })
  ).id;
  settledTarget = (
    await call("huyen", "POST", "/api/targets", {
      ...target,
      name: "2 xã đạt chuẩn trong năm 2024",
      baselineYear: 2023,
      deadlineYear: 2023,
    })
  ).id;
});
afterAll(() => t.close());

describe("GET /api/me/tasks", () => {
  it("asks for a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/me/tasks" });
    expect(response.statusCode).toBe(401);
  });

  it("gives a commune officer its dossier step, the obstacle it holds and its missing values", async () => {
    const body = await tasksOf("xa1");
    expect(body).toMatchObject({ today: "2024-06-15", year: 2024 });
    expect(ids(body.tasks)).toEqual([
      `dossier:${dossierX01}`,
      `obstacle:${obstacleIds.atCommune}`,
      "values:X01:2024",
    ]);
    const [step] = ofKind(body.tasks, "dossier_step");
    expect(step).toMatchObject({
      unit: { code: "X01", name: "Xã Đăk Pék" },
      stepCode: "self_assessment",
      action: "complete",
      overdue: true,
    });
    expect(step!.due! < "2024-06-15").toBe(true);
    expect(ofKind(body.tasks, "obstacle")[0]).toMatchObject({
      title: "Thiếu vốn đối ứng",
      status: "open",
      due: "2024-06-10",
      overdue: true,
    });
    expect(ofKind(body.tasks, "missing_values")[0]).toMatchObject({
      unit: { code: "X01" },
      scope: "commune",
      due: null,
      communes: 1,
      missing: 2,
      expected: 4,
    });
    expect(body.counts).toEqual({ total: 3, overdue: 2 });
  });

  it("leaves out what another level holds and what lies outside the commune", async () => {
    const body = await tasksOf("xa3");
    // X03's dossier now waits on its Front; all of X03's values are in.
    expect(ids(body.tasks)).toEqual([`obstacle:${obstacleIds.atX03}`]);
  });

  it("gives the Front the step of its commune's dossier, and nothing to enter", async () => {
    const body = await tasksOf("mttq3");
    expect(ids(body.tasks)).toEqual([`dossier:${dossierX03}`]);
    expect(body.tasks[0]).toMatchObject({ stepCode: "front_comments", action: "complete" });
  });

  it("gives a district its reports, the escalated obstacle, its communes' values and its target", async () => {
    const body = await tasksOf("huyen");
    const reports = ofKind(body.tasks, "report");
    expect(reports.map((r) => [r.periodKey, r.unit.code, r.overdue])).toEqual([
      ["2023-M12", "D01", true],
      ["2024-M01", "D01", true],
      ["2024-M02", "D01", true],
      ["2024-M03", "D01", true],
      ["2024-M04", "D01", true],
      ["2024-M05", "D01", false],
    ]);
    expect(
      reports.every((r) => r.state === "draft" && r.typeName.startsWith("Báo cáo tháng")),
    ).toBe(true);
    expect(ofKind(body.tasks, "obstacle").map((o) => [o.obstacleId, o.status])).toEqual([
      [obstacleIds.toDistrict, "escalated"],
    ]);
    expect(ofKind(body.tasks, "missing_values")).toEqual([
      expect.objectContaining({
        unit: { code: "D01", name: "Huyện Đăk Glei" },
        scope: "communes",
        communes: 2,
        missing: 6,
        expected: 8,
      }),
    ]);
    expect(ofKind(body.tasks, "target").map((x) => [x.targetId, x.due])).toEqual([
      [districtTarget, "2025-12-31"],
    ]);
    expect(ids(body.tasks)).not.toContain(`target:${settledTarget}`);
    expect(ids(body.tasks)).not.toContain(`obstacle:${obstacleIds.atX03}`);
  });

  it("sorts by due date, the earliest first, undated work last", async () => {
    const { tasks } = await tasksOf("huyen");
    const dated = tasks.filter((task) => task.due !== null).map((task) => task.due as string);
    expect(dated).toEqual([...dated].sort());
    expect(tasks.at(-1)?.due).toBeNull();
    expect(tasks.findIndex((task) => task.due === null)).toBe(dated.length);
  });

  it("gives the coordination office what was escalated to it and the province's targets", async () => {
    const body = await tasksOf("vpdp");
    expect(ofKind(body.tasks, "obstacle").map((o) => o.obstacleId)).toEqual([obstacleIds.toOffice]);
    expect(ofKind(body.tasks, "report")).toEqual([]);
    expect(ofKind(body.tasks, "target").map((x) => x.targetId)).toEqual([districtTarget]);
    expect(ofKind(body.tasks, "missing_values")[0]).toMatchObject({
      unit: { code: "P01" },
      communes: 2,
      missing: 6,
    });
  });

  it("gives a department its own reports and the values of its criteria only", async () => {
    const body = await tasksOf("so-nn");
    expect(ofKind(body.tasks, "report").map((r) => [r.periodKey, r.unit.name, r.overdue])).toEqual([
      ["2023-Q4", "Sở Nông nghiệp và Môi trường", true],
      ["2024-Q1", "Sở Nông nghiệp và Môi trường", true],
    ]);
    // Criterion 3 (3.1 and 3.2) is missing in X02 only.
    expect(ofKind(body.tasks, "missing_values")[0]).toMatchObject({
      communes: 1,
      missing: 2,
      expected: 2,
    });
    expect(ofKind(body.tasks, "obstacle")).toEqual([]);
    expect(ofKind(body.tasks, "target")).toEqual([]);
  });

  it("gives the province administrator nothing the office or a district holds", async () => {
    const body = await tasksOf("admin");
    expect(ofKind(body.tasks, "obstacle")).toEqual([]);
    expect(ofKind(body.tasks, "report")).toEqual([]);
    expect(ofKind(body.tasks, "target").map((x) => x.targetId)).toEqual([districtTarget]);
  });

  it("gives a viewer nothing to do", async () => {
    expect(await tasksOf("xem")).toMatchObject({ counts: { total: 0, overdue: 0 }, tasks: [] });
  });

  it("never shows another province's work", async () => {
    const body = await tasksOf("admin2");
    const p01 = ["P01", "D01", "D02", "X01", "X02", "X03"];
    expect(body.tasks.filter((task) => p01.includes(task.unit.code))).toEqual([]);
    expect(ofKind(body.tasks, "missing_values")[0]).toMatchObject({ unit: { code: "P02" } });
  });
});
