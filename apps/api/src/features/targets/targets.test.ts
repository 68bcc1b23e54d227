import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  DepartmentCriteriaStatusResponse,
  PlanResponse,
  PlanRollupResponse,
  TargetDto,
  TargetsDashboardResponse,
  TargetWithProgress,
  UnitTargetsResponse,
} from "@ntm/contracts";
import { tables } from "@ntm/db";
import { eq } from "drizzle-orm";
import { insertDepartment } from "../users/index.ts";
import { allMet, irrigationOnly, nothing, targetsWorld } from "./targets-world.fixture.ts";

const world = targetsWorld();
const { call, ok, save } = world;

const levelTarget = {
  unitCode: "P01",
  name: "Ít nhất 2 xã đạt chuẩn NTM đến năm 2025",
  kind: "communesAtLevel",
  level: "standard",
  baselineYear: 2022,
  deadlineYear: 2025,
  value: 2,
  source: "Chỉ thị 04/CT-UBND",
};

let levelTargetId = 0;
let otherDepartmentId = 0;

beforeAll(async () => {
  await world.start(["admin", "vpdp", "so-nn", "huyen", "xa1", "xa3", "xem"]);
  await save("X01", 2022, irrigationOnly);
  await save("X02", 2022, nothing);
  await save("X03", 2022, nothing);
  await save("X01", 2024, allMet);
  await save("X02", 2024, irrigationOnly);
  await save("X03", 2024, nothing);
  otherDepartmentId = (
    await insertDepartment(world.t.database.db, {
      code: "so-yt",
      name: "Sở Y tế",
      provinceCode: "P01",
      criteria: ["test-commune:10"],
    })
  ).id;
});
afterAll(() => world.t.close());

describe("setting targets", () => {
  it("the province sets a target; it is audited", async () => {
    const created = await ok<TargetDto>("admin", "POST", "/api/targets", levelTarget);
    levelTargetId = created.id;
    expect(created.requirement).toBe("2 xã đạt chuẩn NTM đến năm 2025");
    expect(created.version).toBe(0);
    const audit = await world.t.database.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.entityType, "target"));
    expect(audit.map((row) => [row.action, row.entityKey])).toEqual([
      ["target.create", String(created.id)],
    ]);
  });

  it.each([
    ["xem", "P01", 403],
    ["xa1", "P01", 403],
    ["so-nn", "P01", 403],
    ["huyen", "P01", 403],
    ["huyen", "D01", 201],
    ["vpdp", "X01", 400],
  ])("%s setting a target for %s → %i", async (user, unitCode, status) => {
    const response = await call(user, "POST", "/api/targets", { ...levelTarget, unitCode });
    expect(response.statusCode, response.body).toBe(status);
  });

  it("rejects a deadline before the baseline, in Vietnamese", async () => {
    const response = await call("admin", "POST", "/api/targets", {
      ...levelTarget,
      deadlineYear: 2020,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Năm hạn phải từ năm gốc trở đi");
  });

  it("updates with the version read, and refuses a stale one", async () => {
    const renamed = { ...levelTarget, name: "Ít nhất 2 xã NTM (sửa)" };
    const updated = await ok<TargetDto>("admin", "PUT", `/api/targets/${levelTargetId}`, {
      version: 0,
      target: renamed,
    });
    expect(updated.version).toBe(1);
    const stale = await call("vpdp", "PUT", `/api/targets/${levelTargetId}`, {
      version: 0,
      target: renamed,
    });
    expect(stale.statusCode).toBe(409);
    const list = await ok<TargetDto[]>("admin", "GET", "/api/targets?unit=P01");
    expect(list.map((row) => row.name)).toContain("Ít nhất 2 xã NTM (sửa)");
  });
});

describe("progress", () => {
  let namedId = 0;
  beforeAll(async () => {
    namedId = (
      await ok<TargetDto>("admin", "POST", "/api/targets", {
        unitCode: "P01",
        name: "Xã Tê Xăng đạt từ 1 tiêu chí",
        kind: "minCriteria",
        baselineYear: 2022,
        deadlineYear: 2025,
        value: 1,
        communeCodes: ["X03"],
      })
    ).id;
  });

  it("a count of communes at a level, half the needed pace → at risk, with the rule", async () => {
    const body = await ok<TargetWithProgress>(
      "xem",
      "GET",
      `/api/targets/${levelTargetId}/progress`,
    );
    expect(body.progress.status).toBe("atRisk");
    expect(body.progress.year).toBe(2024);
    expect(body.progress.actual).toBe(1);
    expect(body.progress.gap).toBe(1);
    expect(body.progress.rule).toContain("cần +1 xã/năm");
    expect(body.progress.behind.map((row) => [row.code, row.missing])).toEqual([
      ["X02", ["10"]],
      ["X03", ["3", "10"]],
    ]);
  });

  it("a named set of communes without progress → off track", async () => {
    const body = await ok<TargetWithProgress>("admin", "GET", `/api/targets/${namedId}/progress`);
    expect(body.progress.status).toBe("offTrack");
    expect(body.progress.communes).toBe(1);
    expect(body.progress.behind.map((row) => row.code)).toEqual(["X03"]);
  });

  it("a district sees its own targets, not the province's, and not another district", async () => {
    const body = await ok<UnitTargetsResponse>("huyen", "GET", "/api/units/D01/targets");
    expect(body.targets.map((row) => row.target.unitCode)).toEqual(["D01"]);
    expect(body.targets[0]?.progress.communes).toBe(2);
    expect((await call("huyen", "GET", "/api/units/P01/targets")).statusCode).toBe(403);
    expect((await call("huyen", "GET", `/api/targets/${levelTargetId}/progress`)).statusCode).toBe(
      403,
    );
    expect((await call("huyen", "GET", "/api/units/D02/targets")).statusCode).toBe(403);
  });

  it("a value saved moves the target from at risk to met in the next read, on the dashboard too", async () => {
    await save("X02", 2024, allMet);
    const body = await ok<UnitTargetsResponse>("admin", "GET", "/api/units/P01/targets?year=2024");
    const level = body.targets.find((row) => row.target.id === levelTargetId);
    expect(level?.progress.status).toBe("met");
    expect(level?.progress.actual).toBe(2);
    expect(body.counts.met).toBeGreaterThanOrEqual(1);
    const dashboard = await ok<TargetsDashboardResponse>(
      "admin",
      "GET",
      "/api/units/P01/dashboard",
    );
    expect(dashboard.targets.find((row) => row.target.id === levelTargetId)?.progress.status).toBe(
      "met",
    );
    expect(dashboard.years).toEqual([2022, 2024]);
    expect(dashboard.criteria.map((c) => c.code)).toEqual(["3", "10"]);
    expect(dashboard.heatmap.map((row) => [row.code, row.statuses])).toEqual([
      ["X03", "0-"],
      ["X02", "11"],
      ["X01", "11"],
    ]);
    expect(dashboard.byYear.find((row) => row.year === 2024)?.byLevel).toEqual([
      { level: "standard", count: 0 },
      { level: "advanced", count: 2 },
      { level: "none", count: 1 },
    ]);
    await save("X02", 2024, irrigationOnly);
  });

  it("exports the targets to Excel with Vietnamese headers", async () => {
    const response = await call("admin", "GET", "/api/units/P01/targets.xlsx");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Mục tiêu");
    expect(sheet?.getRow(1).getCell(2).value).toBe("Mục tiêu");
    const statuses = sheet?.getColumn(10).values.slice(2);
    expect(statuses).toContain("Có nguy cơ");
    expect(workbook.getWorksheet("Xã chưa đạt")?.rowCount).toBeGreaterThan(1);
  });
});

describe("plans", () => {
  const plan = {
    version: 0,
    criteria: ["3"],
    landUseFeeRevenue: 1_000_000_000,
    items: [
      {
        criterionCode: "3",
        investment: 2_500_000_000,
        funding: { central: 2_000_000_000, landUseFee: 500_000_000 },
        tasks: [
          { title: "Kiên cố hóa kênh mương", owner: "UBND xã", due: "2025-05-31", progress: 20 },
        ],
      },
    ],
  };

  it("a commune has no plan yet, and sees what it misses for the next level", async () => {
    const body = await ok<PlanResponse>("xa3", "GET", "/api/units/X03/plans/2025");
    expect(body.plan).toBeNull();
    expect(body.nextLevel).toBe("standard");
    expect(body.path.map((step) => [step.criterionCode, step.planned])).toEqual([
      ["3", false],
      ["10", false],
    ]);
  });

  it("the commune saves its plan; the path shows what is planned and funded", async () => {
    const body = await ok<PlanResponse>("xa3", "PUT", "/api/units/X03/plans/2025", plan);
    expect(body.version).toBe(1);
    expect(body.check?.investment).toBe(2_500_000_000);
    expect(body.check?.fundingGap).toBe(0);
    expect(body.check?.warnings).toEqual([]);
    expect(body.path.map((step) => [step.criterionCode, step.planned, step.funding])).toEqual([
      ["3", true, "full"],
      ["10", false, "none"],
    ]);
    const audit = await world.t.database.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.entityType, "plan"));
    expect(audit.map((row) => [row.action, row.entityKey])).toEqual([["plan.create", "X03:2025"]]);
  });

  it.each([
    ["xa1", "X03", 403],
    ["so-nn", "X03", 403],
    ["xem", "X03", 403],
    ["huyen", "X03", 403],
    ["xa3", "X03", 409],
    ["vpdp", "D01", 400],
  ])("%s saving a plan of %s (stale version 0) → %i", async (user, code, status) => {
    const response = await call(user, "PUT", `/api/units/${code}/plans/2025`, plan);
    expect(response.statusCode, response.body).toBe(status);
  });

  it("the province rolls plans up and ranks criteria by missing money", async () => {
    await ok("huyen", "PUT", "/api/units/X01/plans/2025", {
      ...plan,
      criteria: ["10"],
      items: [
        {
          criterionCode: "10",
          investment: 900_000_000,
          funding: { people: 100_000_000 },
          tasks: [],
        },
      ],
    });
    const body = await ok<PlanRollupResponse>("vpdp", "GET", "/api/units/P01/plans/2025/rollup");
    expect(body.rollup.communesWithPlan).toBe(2);
    expect(body.rollup.investment).toBe(3_400_000_000);
    expect(body.rollup.byCriterion.map((row) => [row.criterionCode, row.gap])).toEqual([
      ["10", 800_000_000],
      ["3", 0],
    ]);
  });
});

describe("a department's criteria", () => {
  it("shows its criteria across the province, the failing communes and the trend", async () => {
    const [own] = await world.t.database.db
      .select()
      .from(tables.departments)
      .where(eq(tables.departments.code, "so-nn"));
    const body = await ok<DepartmentCriteriaStatusResponse>(
      "so-nn",
      "GET",
      `/api/departments/${own?.id}/criteria-status?year=2024`,
    );
    expect(body.criteria.map((c) => [c.code, c.met, c.notMet])).toEqual([["3", 2, 1]]);
    expect(body.criteria[0]?.failing.map((c) => c.code)).toEqual(["X03"]);
    expect(body.criteria[0]?.trend).toEqual([
      { year: 2022, met: 1, evaluated: 3 },
      { year: 2024, met: 2, evaluated: 3 },
    ]);
    expect(body.criteria[0]?.planInvestment).toBe(2_500_000_000);
  });

  it.each([
    ["so-nn", 403],
    ["vpdp", 200],
    ["huyen", 403],
  ])("%s reading another department → %i", async (user, status) => {
    const response = await call(
      user,
      "GET",
      `/api/departments/${otherDepartmentId}/criteria-status`,
    );
    expect(response.statusCode, response.body).toBe(status);
  });
});
