import { importUnits, systemUser } from "@ntm/api";
import type { UnitImportRow } from "@ntm/contracts";
import { tables, type Database } from "@ntm/db";
import { and, inArray, isNull } from "drizzle-orm";

const mergerDay = "2025-07-01";
const lastDayBefore = "2025-06-30";

/**
 * Merger demo (CV 267/BNN-VPĐP): two communes recognised in the demo, in the same district and
 * without a demo account, merge into a new commune from 1/7/2025. The years 2022–2024 do not see
 * the new commune. Returns the new commune's code, or null when no such pair exists.
 */
export async function seedMerger(
  database: Database,
  options: { provinceCode: string; recognised: string[]; exclude: string[] },
): Promise<string | null> {
  const db = database.db;
  const u = tables.adminUnits;
  const accounts = (await db.select({ unitCode: tables.users.unitCode }).from(tables.users)).map(
    (row) => row.unitCode,
  );
  const skip = new Set([...options.exclude, ...accounts]);
  const candidates = (
    await db
      .select()
      .from(u)
      .where(and(inArray(u.code, options.recognised), isNull(u.validTo)))
  )
    .filter((row) => !skip.has(row.code))
    .sort((a, b) => a.code.localeCompare(b.code));
  const first = candidates[0];
  const second = candidates.find((row) => row !== first && row.parentCode === first?.parentCode);
  if (!first || !second) return null;
  // "M" never appears in GSO codes, which are digits only.
  const code = `${options.provinceCode}-M01`;
  const version = (row: typeof first): UnitImportRow => ({
    code: row.code,
    name: row.name,
    level: "commune",
    parentCode: row.parentCode,
    validFrom: row.validFrom,
    validTo: lastDayBefore,
    region: row.region,
    communeGroup: row.communeGroup,
    flags: row.flags as UnitImportRow["flags"],
    assessed: row.assessed,
    successorCode: code,
  });
  await importUnits(db, {
    user: systemUser,
    rows: [
      version(first),
      version(second),
      {
        ...version(first),
        code,
        name: `${first.name} mới (sáp nhập, minh họa)`,
        validFrom: mergerDay,
        validTo: null,
        successorCode: null,
      },
    ],
  });
  return code;
}
