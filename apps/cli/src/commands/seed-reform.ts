import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { importReform, selectSetFor, systemUser, writeValuesBulk } from "@ntm/api";
import type { UnitImportRow } from "@ntm/contracts";
import { tables, type Database } from "@ntm/db";
import type { UnitFlag } from "@ntm/domain";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { generateDemoValues } from "../demo/generate-demo-values.ts";

export const reformDay = "2025-07-01";
export const demoYearsAfterReform = [2025, 2026] as const;

const mergesFile = fileURLToPath(
  new URL("../../../../data/admin-units-2025/merges.json", import.meta.url),
);

/**
 * The province of today that took over an old province, with every old province it was formed
 * from: Kon Tum (62) → Quảng Ngãi (51), formed from old 51 and 62.
 */
export async function presentProvinceOf(
  oldCode: string,
): Promise<{ code: string; name: string; formedFrom: string[] }> {
  const merges = JSON.parse(await readFile(mergesFile, "utf8")) as {
    data: { level1_id: string; name: string; merges: { old_id: string }[] }[];
  };
  const province = merges.data.find((row) => row.merges.some((old) => old.old_id === oldCode));
  if (!province) throw new Error(`Không có tỉnh cũ mã ${oldCode} trong dữ liệu sắp xếp 2025.`);
  return {
    code: province.level1_id,
    name: province.name,
    formedFrom: province.merges.map((old) => old.old_id).sort(),
  };
}

/** The commune group and flags of the new xã, as the province sets them after the reform. */
export interface NewCommune {
  row: UnitImportRow;
  predecessors: string[];
  fromDemoProvince: boolean;
}

/**
 * The attributes a new xã takes in the demo: those of the predecessor whose code it kept (else its
 * first predecessor by code). A province decides them by its own decisions; the demo stands in
 * for those decisions. The poor-district flag goes, with the districts.
 */
export function attributesOfNewCommune(
  code: string,
  predecessors: readonly UnitImportRow[],
): Pick<UnitImportRow, "flags" | "communeGroup"> {
  const main =
    predecessors.find((row) => row.code === code) ??
    [...predecessors].sort((a, b) => a.code.localeCompare(b.code))[0];
  const flags = (main?.flags ?? []).filter((flag): flag is UnitFlag => flag !== "poorDistrict");
  return { flags, communeGroup: main?.communeGroup ?? null };
}

/**
 * Applies the reform of 1/7/2025 to the demo database with the import every installation uses
 * (`ntm units import-reform --province 51`), then gives the new xã their demo attributes.
 * Returns the new xã with their predecessors; `fromDemoProvince` marks those formed from communes
 * of the demo province, the only ones with demo values.
 */
export async function seedReform(
  database: Database,
  options: { oldUnits: readonly UnitImportRow[]; demoProvinceCode: string; presentCode: string },
): Promise<{ report: Awaited<ReturnType<typeof importReform>>; communes: NewCommune[] }> {
  const db = database.db;
  const report = await importReform(db, {
    user: systemUser,
    dryRun: false,
    province: options.presentCode,
  });
  const u = tables.adminUnits;
  const l = tables.unitSuccessors;
  const created = await db
    .select()
    .from(u)
    .where(and(eq(u.parentCode, options.presentCode), eq(u.validFrom, reformDay)));
  const links = await db.select().from(l).where(eq(l.successorValidFrom, reformDay));
  const oldByCode = new Map(
    options.oldUnits.filter((row) => row.level === "commune").map((row) => [row.code, row]),
  );
  const demoDistricts = new Set(
    options.oldUnits
      .filter((row) => row.level === "district" && row.parentCode === options.demoProvinceCode)
      .map((row) => row.code),
  );
  const communes: NewCommune[] = [];
  for (const unit of created.sort((a, b) => a.code.localeCompare(b.code))) {
    if (!unit.assessed) continue;
    const predecessors = links
      .filter((link) => link.successorCode === unit.code)
      .map((link) => oldByCode.get(link.predecessorCode))
      .filter((row): row is UnitImportRow => row !== undefined);
    const attributes = attributesOfNewCommune(unit.code, predecessors);
    await db
      .update(u)
      .set({ flags: attributes.flags ?? [], communeGroup: attributes.communeGroup ?? null })
      .where(eq(u.id, unit.id));
    communes.push({
      row: {
        code: unit.code,
        name: unit.name,
        level: "commune",
        parentCode: unit.parentCode,
        validFrom: unit.validFrom,
        validTo: unit.validTo,
        region: unit.region,
        assessed: true,
        ...attributes,
      },
      predecessors: predecessors.map((row) => row.code),
      fromDemoProvince: predecessors.some((row) => demoDistricts.has(row.parentCode ?? "")),
    });
  }
  await endRecognitionsOfMergedCodes(database, communes);
  return { report, communes };
}

/**
 * A merged xã is not recognised by the merger itself (CV 267/BNN-VPĐP). Where every former commune
 * was recognised, the province may recognise the new xã by decision; before deciding it ends the
 * open recognition the former commune left under the code the new xã kept. The demo does that
 * step; the former commune still counts as recognised the day before the merger. Other merged
 * xã keep the old recognition under the kept code until the province acts (ADR 0011).
 */
async function endRecognitionsOfMergedCodes(database: Database, communes: readonly NewCommune[]) {
  const r = tables.recognisedLevels;
  const merged = communes.filter(
    (c) => c.predecessors.length > 1 && c.predecessors.includes(c.row.code),
  );
  const open = await database.db
    .select({ unitCode: r.unitCode })
    .from(r)
    .where(
      and(
        inArray(r.unitCode, [...new Set(merged.flatMap((c) => c.predecessors))]),
        isNull(r.endedOn),
        lt(r.decisionDate, reformDay),
      ),
    );
  const recognised = new Set(open.map((row) => row.unitCode));
  const byDecision = merged
    .filter((c) => c.predecessors.every((code) => recognised.has(code)))
    .map((c) => c.row.code);
  if (byDecision.length === 0) return;
  await database.db
    .update(r)
    .set({
      endedOn: reformDay,
      endReason:
        "Xã sáp nhập từ 01/7/2025: tỉnh xét công nhận xã mới theo CV 267/BNN-VPĐP (minh họa)",
    })
    .where(and(inArray(r.unitCode, byDecision), isNull(r.endedOn), lt(r.decisionDate, reformDay)));
}

/**
 * 2025 values (the 2021–2025 set, the last year of the programme) and 2026 values (the 2026–2030
 * set of QĐ 51/2025) for the new xã formed from the demo province's communes, marked "dữ liệu
 * minh họa". `without2025` leaves a commune's 2025 for its officer to enter.
 */
export async function seedValuesAfterReform(
  database: Database,
  options: {
    communes: readonly NewCommune[];
    presentCode: string;
    without2025: readonly string[];
    seed: number;
    now: Date;
  },
): Promise<{ year: number; communes: number; values: number }[]> {
  const units = options.communes.filter((c) => c.fromDemoProvince).map((c) => c.row);
  const written: { year: number; communes: number; values: number }[] = [];
  for (const year of demoYearsAfterReform) {
    const set = await selectSetFor(database.db, { year, provinceCode: options.presentCode });
    const rows = generateDemoValues({
      set: set.definition,
      units: year === 2025 ? units.filter((row) => !options.without2025.includes(row.code)) : units,
      // The stories start in 2022 like the rest of the demo, so a year follows on from the last.
      years: [2022, 2023, 2024, year],
      seed: options.seed,
    }).filter((row) => row.year === year);
    const result = await writeValuesBulk(database.db, {
      rows,
      by: systemUser,
      now: options.now,
      demo: true,
      source: "dữ liệu minh họa",
    });
    written.push({ year, communes: result.assessments, values: result.values });
  }
  return written;
}
