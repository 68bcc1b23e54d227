import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { importBoundaries, systemUser } from "@ntm/api";
import type { Database } from "@ntm/db";
import { tables } from "@ntm/db";
import { matchesSearch } from "@ntm/domain";
import { and, eq, inArray, lt, ne } from "drizzle-orm";

type TargetRow = typeof tables.targets.$inferInsert;

const cv3080 = "CV 3080/UBND-NNTN ngày 15/9/2023 của UBND tỉnh Kon Tum";
const adapted =
  "Phỏng theo Chỉ thị 04/CT-UBND ngày 17/4/2024 của UBND tỉnh Lai Châu (54/94 xã), quy đổi theo 85 xã của Kon Tum — minh họa";

/**
 * The targets of the seeds, set on the demo province: Kon Tum's own (CV 3080/UBND-NNTN) and Lai
 * Châu's 2025 targets scaled to Kon Tum's 85 rural communes. Figures entered by hand (villages,
 * districts, OCOP) are illustrative. A few commune plans for 2025 show the funding sources.
 */
export async function seedTargets(
  database: Database,
  options: { provinceCode: string; now: Date },
) {
  const db = database.db;
  const u = tables.adminUnits;
  const districts = await db
    .select({ code: u.code, name: u.name })
    .from(u)
    .where(and(eq(u.parentCode, options.provinceCode), eq(u.level, "district")));
  const dakGlei = districts.find((d) => matchesSearch(d.name, "dak glei"));
  const tuMoRong = districts.find((d) => matchesSearch(d.name, "tu mo rong"));
  const r = tables.evaluationResults;
  const lowDakGlei = dakGlei
    ? await db
        .select({ code: r.unitCode })
        .from(r)
        .innerJoin(u, eq(u.code, r.unitCode))
        .where(and(eq(r.year, 2022), lt(r.criteriaMet, 10), eq(u.parentCode, dakGlei.code)))
    : [];
  const p = options.provinceCode;
  const base = { baselineYear: 2022, demo: true, updatedBy: "system", updatedAt: options.now };
  const rows: TargetRow[] = [
    {
      ...base,
      unitCode: p,
      name: "Các xã đã đạt chuẩn duy trì 19/19 tiêu chí đến cuối năm 2023",
      kind: "maintenance",
      deadlineYear: 2023,
      value: 19,
      source: cv3080,
    },
    {
      ...base,
      unitCode: p,
      name: "Các xã còn lại tăng ít nhất 2 tiêu chí so với năm 2022",
      kind: "gainOverBaseline",
      deadlineYear: 2023,
      value: 2,
      excludeRecognised: true,
      source: cv3080,
    },
    {
      ...base,
      unitCode: p,
      name: "Không còn xã dưới 10 tiêu chí đến cuối năm 2023",
      kind: "minCriteria",
      deadlineYear: 2023,
      value: 10,
      source: cv3080,
    },
    ...(dakGlei
      ? [
          {
            ...base,
            unitCode: dakGlei.code,
            name: `${lowDakGlei.length} xã dưới 10 tiêu chí của ${dakGlei.name} đạt từ 10 tiêu chí trở lên đến cuối năm 2023`,
            kind: "minCriteria",
            deadlineYear: 2023,
            value: 10,
            communeCodes: lowDakGlei.map((row) => row.code),
            source: cv3080,
          },
        ]
      : []),
    ...(tuMoRong
      ? [
          {
            ...base,
            unitCode: tuMoRong.code,
            name: "Năm 2024 có ít nhất 01 xã nông thôn mới, đến năm 2025 toàn huyện có ít nhất 03 xã nông thôn mới, các xã còn lại mỗi năm tăng từ 1 đến 2 tiêu chí",
            kind: "communesAtLevel",
            level: "standard",
            measure: "count",
            deadlineYear: 2025,
            value: 3,
            milestones: [{ year: 2024, value: 1 }],
            othersGainPerYear: 1,
            source: cv3080,
          },
        ]
      : []),
    {
      ...base,
      unitCode: p,
      name: "Đến hết năm 2025: 49/85 xã đạt chuẩn nông thôn mới",
      kind: "communesAtLevel",
      level: "standard",
      measure: "count",
      deadlineYear: 2025,
      value: 49,
      source: adapted,
    },
    {
      ...base,
      unitCode: p,
      name: "Đến hết năm 2025: 04 xã đạt chuẩn nông thôn mới nâng cao",
      kind: "communesAtLevel",
      level: "advanced",
      measure: "count",
      deadlineYear: 2025,
      value: 4,
      source: adapted,
    },
    {
      ...base,
      unitCode: p,
      name: "Bình quân toàn tỉnh đạt 17,3 tiêu chí/xã",
      kind: "averageCriteria",
      deadlineYear: 2025,
      value: 17.3,
      source: adapted,
    },
    {
      ...base,
      unitCode: p,
      name: "Không còn xã dưới 15 tiêu chí đến năm 2025",
      kind: "minCriteria",
      deadlineYear: 2025,
      value: 15,
      source: adapted,
    },
    {
      ...base,
      unitCode: p,
      name: "25 % số thôn thuộc các xã đặc biệt khó khăn đạt chuẩn nông thôn mới",
      kind: "enteredValue",
      deadlineYear: 2025,
      value: 25,
      valueUnit: "%",
      entered: [
        { year: 2022, value: 8 },
        { year: 2023, value: 13 },
        { year: 2024, value: 19 },
      ],
      source: adapted,
    },
    {
      ...base,
      unitCode: p,
      name: "Có thêm 03 huyện đạt chuẩn nông thôn mới (tổng 4 huyện)",
      kind: "enteredValue",
      deadlineYear: 2025,
      value: 4,
      valueUnit: "huyện",
      entered: [
        { year: 2022, value: 1 },
        { year: 2024, value: 1 },
      ],
      source: adapted,
    },
    {
      ...base,
      unitCode: p,
      name: "Ít nhất 10 sản phẩm OCOP đạt từ 3 sao trở lên trong năm 2023",
      kind: "enteredValue",
      deadlineYear: 2023,
      value: 10,
      valueUnit: "sản phẩm",
      entered: [
        { year: 2022, value: 6 },
        { year: 2023, value: 12 },
      ],
      source: "Số liệu minh họa",
    },
  ];
  await db.insert(tables.targets).values(rows);
  await seedPlans(database, { codes: lowDakGlei.map((row) => row.code), now: options.now });
  return rows.length;
}

const million = 1_000_000;

/** 2025 plans of the Đắk Glei communes behind, with tasks and funding by source. */
async function seedPlans(database: Database, options: { codes: string[]; now: Date }) {
  if (options.codes.length === 0) return;
  const c = tables.evaluationCriteria;
  const unmet = await database.db
    .select({ unitCode: c.unitCode, criterionCode: c.criterionCode })
    .from(c)
    .where(and(eq(c.year, 2024), ne(c.status, "met"), inArray(c.unitCode, options.codes)));
  const rows = options.codes.map((code, index) => {
    const missing = unmet
      .filter((row) => row.unitCode === code)
      .map((row) => row.criterionCode)
      .slice(0, 3);
    return {
      unitCode: code,
      year: 2025,
      version: 1,
      demo: true,
      updatedBy: "system",
      updatedAt: options.now,
      plan: {
        criteria: missing,
        landUseFeeRevenue: (800 + 100 * index) * million,
        items: missing.slice(0, 2).map((criterionCode, position) => ({
          criterionCode,
          investment: (1500 + 400 * position + 100 * index) * million,
          funding: {
            central: (700 + 100 * position) * million,
            local: 200 * million,
            landUseFee: (index % 2 === 0 ? 450 : 300) * million,
            people: 50 * million,
          },
          tasks: [
            {
              title: `Thực hiện tiêu chí ${criterionCode}`,
              owner: "UBND xã",
              due: "2025-09-30",
              progress: 30 + 10 * position,
            },
          ],
        })),
      },
    };
  });
  await database.db.insert(tables.communePlans).values(rows);
}

const schematicFile = fileURLToPath(
  new URL("../../../../data/boundaries/kon-tum-so-do-minh-hoa.geojson", import.meta.url),
);

/**
 * The schematic commune shapes of Kon Tum for the maps (generated by
 * apps/cli/src/demo/write-schematic-boundaries.ts); marked schematic, so every map says they are
 * not real boundaries. Other provinces get no shapes.
 */
export async function seedBoundaries(
  database: Database,
  options: { provinceCode: string; now: Date },
): Promise<number> {
  if (options.provinceCode !== "62") return 0;
  return importBoundaries(database.db, {
    user: systemUser,
    document: JSON.parse(await readFile(schematicFile, "utf8")) as unknown,
    codeProperty: "ma",
    source: "data/boundaries/kon-tum-so-do-minh-hoa.geojson",
    schematic: true,
    now: options.now,
  });
}
