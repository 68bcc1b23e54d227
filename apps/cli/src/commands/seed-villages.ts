import { fileURLToPath } from "node:url";
import {
  actOnVillageRecognition,
  createVillages,
  importCatalog,
  systemUser,
  writeFirstVillageValues,
} from "@ntm/api";
import type { Database } from "@ntm/db";
import { tables } from "@ntm/db";
import { and, eq } from "drizzle-orm";
import { readDataFile } from "../read-data-file.ts";

const setFile = fileURLToPath(
  new URL("../../../../data/criteria/village-ntm-illustrative.json", import.meta.url),
);

const villageNames = [
  "Thôn 1",
  "Thôn 2",
  "Thôn 3",
  "Thôn 4",
  "Thôn 5",
  "Thôn 6",
  "Bản Làng Mới",
  "Thôn Đông",
];
const basis = "Dữ liệu minh họa";
const year = 2024;

/**
 * The villages of the demo: the illustrative village set stamped with the demo province, villages
 * in the rural communes of the officer's district, 2024 values (some villages meeting the set),
 * and in the officer's own commune one village recognised by the commune and one waiting for its
 * decision. Deterministic: the same database gives the same villages.
 */
export async function seedVillages(
  database: Database,
  options: {
    provinceCode: string;
    district: { code: string };
    commune: { code: string };
    now: Date;
  },
): Promise<string> {
  const db = database.db;
  const file = (await readDataFile(setFile)) as { code: string; provinceCode: string };
  // The shipped file names its own province; another demo province gets a copy under its code.
  const sets = tables.criteriaSets;
  const own = await db
    .select({ code: sets.code })
    .from(sets)
    .where(and(eq(sets.unitLevel, "village"), eq(sets.provinceCode, options.provinceCode)));
  const setCode = own[0]?.code ?? `${file.code}-p${options.provinceCode}`;
  if (own.length === 0) {
    await importCatalog(db, {
      document: { ...file, code: setCode, provinceCode: options.provinceCode },
      by: systemUser,
      now: options.now,
    });
  }
  const u = tables.adminUnits;
  const communes = (
    await db
      .select({ code: u.code, name: u.name })
      .from(u)
      .where(and(eq(u.parentCode, options.district.code), eq(u.level, "commune")))
  )
    .filter((commune) => commune.name.startsWith("Xã "))
    .sort((a, b) => a.code.localeCompare(b.code));
  let villages = 0;
  let meeting = 0;
  for (const [communeIndex, commune] of communes.entries()) {
    const count = 4 + (communeIndex % 5);
    const created = await createVillages(db, {
      user: systemUser,
      communeCode: commune.code,
      names: villageNames.slice(0, count),
      input: { validFrom: "2020-01-01", basis },
    });
    villages += created.length;
    // Every third village of a commune falls short on roads; the others meet the set.
    const isShort = (index: number) => (index + communeIndex) % 3 === 0;
    meeting += created.filter((_, index) => !isShort(index)).length;
    await writeFirstVillageValues(
      db,
      {
        user: systemUser,
        setCode,
        year,
        entries: created.map((village, index) => ({
          code: village.code,
          values: [
            { indicatorCode: "1.1", value: isShort(index) ? 55 + index : 72 + index },
            { indicatorCode: "2.1", value: 99 },
            { indicatorCode: "3.1", value: true },
            { indicatorCode: "4.1", value: 2 + (index % 3) },
            { indicatorCode: "5.1", value: 75 },
            { indicatorCode: "6.1", value: true },
          ],
        })),
      },
      options.now,
    );
    if (commune.code !== options.commune.code) continue;
    for (const [index, village] of created.entries()) {
      if (isShort(index) || index >= 3) continue;
      await actOnVillageRecognition(
        db,
        {
          user: systemUser,
          code: village.code,
          setCode,
          action: {
            type: "self_assess",
            year,
            reportNumber: `0${index + 1}/BC-BPT`,
            reportDate: "2024-11-05",
          },
        },
        options.now,
      );
      if (index < 2) {
        await actOnVillageRecognition(
          db,
          {
            user: systemUser,
            code: village.code,
            setCode,
            action: {
              type: "recognise",
              decisionNumber: `1${index}5/QĐ-UBND`,
              decisionDate: "2024-12-02",
            },
          },
          options.now,
        );
      }
    }
  }
  // The province's village target on the district's communes, counted from the registry.
  await db.insert(tables.targets).values({
    unitCode: options.provinceCode,
    name: "Đến năm 2025: 50 % số thôn các xã của huyện được công nhận thôn đạt chuẩn nông thôn mới",
    kind: "villagesRecognised",
    measure: "share",
    baselineYear: 2023,
    deadlineYear: 2025,
    value: 50,
    communeCodes: communes.map((commune) => commune.code),
    source: "Minh họa (phỏng theo mục tiêu thôn của Lai Châu, Chỉ thị 04/CT-UBND ngày 17/4/2024)",
    demo: true,
    updatedBy: "system",
    updatedAt: options.now,
  });
  return `Đã tạo ${villages} thôn minh họa ở ${communes.length} xã (${meeting} thôn đạt bộ tiêu chí minh họa năm ${year}).`;
}
