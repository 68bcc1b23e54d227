import { and, eq, inArray } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import { chunks } from "../assessments/index.ts";

const c = tables.evaluationCriteria;

/**
 * Each commune's stored status on one criterion for a year; communes without one are absent.
 * `provinceCode` is the province key of the year's rows.
 */
export async function findStatusesOfCriterion(
  db: DbOrTx,
  key: { codes: string[]; year: number; provinceCode: string },
  criterionCode: string,
): Promise<Map<string, string>> {
  const { codes, year, provinceCode } = key;
  const found = new Map<string, string>();
  for (const part of chunks(codes, 2000)) {
    const rows = await db
      .select({ unitCode: c.unitCode, status: c.status })
      .from(c)
      .where(
        and(
          eq(c.provinceCode, provinceCode),
          eq(c.year, year),
          eq(c.criterionCode, criterionCode),
          inArray(c.unitCode, part),
        ),
      );
    for (const row of rows) found.set(row.unitCode, row.status);
  }
  return found;
}
