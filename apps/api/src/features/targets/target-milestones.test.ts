import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TargetDto, TargetsDashboardResponse, UnitTargetsResponse } from "@ntm/contracts";
import { systemUser } from "../auth/index.ts";
import { importUnits } from "../units/index.ts";
import { allMet, irrigationOnly, nothing, targetsWorld } from "./targets-world.fixture.ts";

const world = targetsWorld();
const { call, ok, save } = world;

const commune = (code: string, name: string, parentCode: string) => ({
  code,
  name,
  level: "commune" as const,
  parentCode,
  validFrom: "2008-01-01",
  region: "TN",
  flags: [],
});

/** "Năm 2024 có ít nhất 01 xã NTM, đến năm 2025 có 03 xã, các xã còn lại mỗi năm tăng 1–2 tiêu chí." */
const tuMoRong = {
  unitCode: "D02",
  name: "Năm 2024 có ít nhất 01 xã NTM, đến năm 2025 có ít nhất 03 xã NTM, các xã còn lại mỗi năm tăng từ 1 đến 2 tiêu chí",
  kind: "communesAtLevel",
  level: "standard",
  measure: "count",
  baselineYear: 2022,
  deadlineYear: 2025,
  value: 3,
  milestones: [{ year: 2024, value: 1 }],
  othersGainPerYear: 1,
  source: "CV 3080/UBND-NNTN",
};

/** "Không còn xã dưới N tiêu chí đến cuối năm 2023": here, no commune without a criterion met. */
const noneBelow = {
  unitCode: "P01",
  name: "Không còn xã dưới 1 tiêu chí đến cuối năm 2023",
  kind: "minCriteria",
  baselineYear: 2022,
  deadlineYear: 2023,
  value: 1,
};

let tuMoRongId = 0;
let noneBelowId = 0;
let provinceOpenId = 0;
let otherDistrictId = 0;

beforeAll(async () => {
  await world.start(["admin", "huyen", "xa1"]);
  await importUnits(world.t.database.db, {
    user: systemUser,
    rows: [
      commune("X04", "Xã Ngọc Yêu", "D02"),
      commune("X05", "Xã Măng Ri", "D02"),
      commune("X06", "Xã Đắk Hà", "D02"),
    ],
  });
  await save("X01", 2023, allMet);
  await save("X02", 2023, irrigationOnly);
  await save("X03", 2023, nothing);
  await save("X04", 2023, nothing);
  await save("X05", 2023, irrigationOnly);
  await save("X06", 2023, nothing);
  await save("X01", 2024, allMet);
  await save("X02", 2024, irrigationOnly);
  await save("X03", 2024, nothing);
  await save("X04", 2024, allMet);
  await save("X05", 2024, irrigationOnly);
  await save("X06", 2024, irrigationOnly);
  tuMoRongId = (await ok<TargetDto>("admin", "POST", "/api/targets", tuMoRong)).id;
  noneBelowId = (await ok<TargetDto>("admin", "POST", "/api/targets", noneBelow)).id;
  provinceOpenId = (
    await ok<TargetDto>("admin", "POST", "/api/targets", {
      ...noneBelow,
      name: "Không còn xã dưới 2 tiêu chí đến năm 2025",
      deadlineYear: 2025,
      value: 2,
    })
  ).id;
  otherDistrictId = (
    await ok<TargetDto>("admin", "POST", "/api/targets", {
      ...noneBelow,
      name: "Các xã Tê Xăng, Măng Ri đạt từ 2 tiêu chí",
      deadlineYear: 2025,
      value: 2,
      communeCodes: ["X03", "X05"],
    })
  ).id;
});
afterAll(() => world.t.close());

const progressOf = async (id: number, year: number) =>
  (
    await ok<{ progress: UnitTargetsResponse["targets"][number]["progress"] }>(
      "admin",
      "GET",
      `/api/targets/${id}/progress?year=${year}`,
    )
  ).progress;

describe("a target with a value per year (Tu Mơ Rông, CV 3080/UBND-NNTN)", () => {
  it("stores the milestones and the other communes' gain, and says them in words", async () => {
    const { targets } = await ok<UnitTargetsResponse>(
      "admin",
      "GET",
      "/api/units/D02/targets?year=2024",
    );
    const target = targets.find((row) => row.target.id === tuMoRongId)?.target;
    expect(target?.milestones).toEqual([{ year: 2024, value: 1 }]);
    expect(target?.othersGainPerYear).toBe(1);
    expect(target?.requirement).toBe(
      "1 xã đạt chuẩn NTM năm 2024, 3 xã đạt chuẩn NTM đến năm 2025; các xã còn lại mỗi năm tăng ít nhất 1 tiêu chí",
    );
  });

  it("1 NTM commune in 2024 is on track: judged on the 2024 milestone, not on a line to 2025", async () => {
    const progress = await progressOf(tuMoRongId, 2024);
    expect(progress.status).toBe("onTrack");
    expect(progress.statusName).toBe("Đúng tiến độ");
    expect(progress.actual).toBe(1);
    expect(progress.milestone).toEqual({ year: 2024, value: 1 });
    expect(progress.rule).toContain("Đạt mốc năm 2024: 1 xã, mốc năm 2024: 1 xã");
  });

  it("names the two other communes that gained no criterion in 2024", async () => {
    const progress = await progressOf(tuMoRongId, 2024);
    expect(progress.behind.map((row) => [row.name, row.gained])).toEqual([
      ["Xã Tê Xăng", 0],
      ["Xã Măng Ri", 0],
    ]);
    expect(progress.rule).toContain(
      "2 xã tăng dưới 1 tiêu chí so với năm 2023 — Xã Tê Xăng (0), Xã Măng Ri (0)",
    );
  });

  it("refuses milestones outside the target's years or on a kind without one figure, in Vietnamese", async () => {
    const outside = await call("admin", "POST", "/api/targets", {
      ...tuMoRong,
      milestones: [{ year: 2026, value: 1 }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain("Năm của mốc phải sau năm gốc và trước năm hạn");
    const twice = await call("admin", "POST", "/api/targets", {
      ...tuMoRong,
      milestones: [
        { year: 2024, value: 1 },
        { year: 2024, value: 2 },
      ],
    });
    expect(twice.body).toContain("Mỗi năm chỉ có một mốc");
    const perCommune = await call("admin", "POST", "/api/targets", {
      ...noneBelow,
      deadlineYear: 2025,
      milestones: [{ year: 2024, value: 1 }],
    });
    expect(perCommune.statusCode).toBe(400);
    expect(perCommune.body).toContain("Mốc theo năm chỉ dùng cho");
    const gain = await call("admin", "POST", "/api/targets", {
      ...noneBelow,
      othersGainPerYear: 1,
    });
    expect(gain.body).toContain("Mức tăng tiêu chí của các xã còn lại chỉ dùng cho");
  });
});

describe("a target is measured on the communes of the year of its data", () => {
  it("before the merger: the 2023 target counts the 6 communes of 2023", async () => {
    const progress = await progressOf(noneBelowId, 2024);
    expect(progress.rule).toContain("3/6 xã đạt yêu cầu");
    expect(progress.rule).toContain("còn 3 xã chưa đạt");
  });

  it("read in 2026, after two communes merged on 1/7/2025, it still counts the communes of 2023", async () => {
    await importUnits(world.t.database.db, {
      user: systemUser,
      rows: [
        { ...commune("X01", "Xã Đăk Pék", "D01"), validTo: "2025-06-30", successorCode: "X07" },
        { ...commune("X02", "Xã Đăk Choong", "D01"), validTo: "2025-06-30", successorCode: "X07" },
        { ...commune("X07", "Xã Đăk Pék mới", "D01"), validFrom: "2025-07-01" },
      ],
    });
    for (const year of [2025, 2026]) {
      const progress = await progressOf(noneBelowId, year);
      expect(progress.year).toBe(2023);
      expect(progress.communes).toBe(6);
      expect(progress.rule).toContain("3/6 xã đạt yêu cầu");
      expect(progress.rule).toContain("còn 3 xã chưa đạt");
      expect(progress.behind.map((row) => row.code).sort()).toEqual(["X03", "X04", "X06"]);
    }
    const { targets } = await ok<UnitTargetsResponse>(
      "admin",
      "GET",
      "/api/units/P01/targets?year=2026",
    );
    const rule = targets.find((row) => row.target.id === noneBelowId)?.progress.rule;
    expect(rule).toContain("3/6 xã");
    expect(rule).not.toContain("Đăk Pék mới");
  });
});

describe("a district sees the province targets that name its communes", () => {
  it("with its share: its communes in the target and those of them behind", async () => {
    const body = await ok<UnitTargetsResponse>("huyen", "GET", "/api/units/D01/targets?year=2024");
    const open = body.fromAbove.find((row) => row.target.id === provinceOpenId);
    expect(open?.target.unitName).toBe("Tỉnh Thử Nghiệm");
    expect(open?.share).toMatchObject({ unitCode: "D01", communes: 2 });
    expect(open?.share?.behind.map((row) => row.code)).toEqual(["X02"]);
    // The province's figure, but only the district's communes by name.
    expect(open?.progress.communes).toBe(6);
    expect(open?.progress.behind.map((row) => row.code)).toEqual(["X02"]);
    expect(body.targets.some((row) => row.target.unitCode === "P01")).toBe(false);
  });

  it("not the province targets naming only other districts' communes", async () => {
    const body = await ok<UnitTargetsResponse>("huyen", "GET", "/api/units/D01/targets?year=2024");
    expect(body.fromAbove.map((row) => row.target.id)).not.toContain(otherDistrictId);
    const dashboard = await ok<TargetsDashboardResponse>(
      "huyen",
      "GET",
      "/api/units/D01/dashboard?year=2024",
    );
    expect(dashboard.fromAbove.map((row) => row.target.id)).toContain(provinceOpenId);
    expect(dashboard.fromAbove.map((row) => row.target.id)).not.toContain(otherDistrictId);
  });

  it("the province sees its own targets, none from above", async () => {
    const body = await ok<UnitTargetsResponse>("admin", "GET", "/api/units/P01/targets?year=2024");
    expect(body.fromAbove).toEqual([]);
    expect(body.targets.map((row) => row.target.id)).toContain(provinceOpenId);
  });

  it("the district's workbook holds the province targets with its share, and the milestone of the year", async () => {
    const response = await call("huyen", "GET", "/api/units/D01/targets.xlsx?year=2024");
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Mục tiêu");
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    const open = rows.find((row) => row[2] === "Không còn xã dưới 2 tiêu chí đến năm 2025");
    expect(open?.[14]).toBe("Huyện Đăk Glei: 2 xã thuộc mục tiêu, 1 xã chưa đạt");
    const province = await call("admin", "GET", "/api/units/D02/targets.xlsx?year=2024");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(province.rawPayload as unknown as ArrayBuffer);
    const staged = (book.getWorksheet("Mục tiêu")?.getSheetValues() ?? [])
      .slice(2)
      .find((row) => (row as unknown[])[2] === tuMoRong.name) as unknown[] | undefined;
    expect(staged?.[13]).toBe("Năm 2024: 1 xã");
  });

  it("a district still may not read the province's own targets list", async () => {
    const response = await call("huyen", "GET", "/api/units/P01/targets?year=2024");
    expect(response.statusCode).toBe(403);
  });
});
