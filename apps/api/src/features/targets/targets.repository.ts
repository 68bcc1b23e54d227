import { and, eq, inArray, ne, type Column } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import { chunks } from "../assessments/index.ts";

const t = tables.targets;
const p = tables.communePlans;
const r = tables.evaluationResults;
const c = tables.evaluationCriteria;

export type TargetRow = typeof t.$inferSelect;
export type TargetValues = Omit<typeof t.$inferInsert, "id" | "version" | "updatedAt">;

/** The province keys of the rows to read (`findProvinceKeys`), when the caller knows them. */
const keyed = (column: Column, keys: string[] | undefined) =>
  keys === undefined ? undefined : inArray(column, keys);

export async function findTargetsOfUnits(db: DbOrTx, unitCodes: string[], keys?: string[]) {
  if (unitCodes.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(and(keyed(t.provinceCode, keys), inArray(t.unitCode, unitCodes)))
    .orderBy(t.deadlineYear, t.id);
}

export async function findTarget(db: DbOrTx, id: number) {
  const rows = await db.select().from(t).where(eq(t.id, id));
  return rows[0];
}

export async function insertTarget(db: DbOrTx, values: TargetValues) {
  const rows = await db.insert(t).values(values).returning();
  return rows[0] as TargetRow;
}

/** Updates when the version still matches; returns nothing on a stale version. */
export async function updateTarget(
  db: DbOrTx,
  id: number,
  version: number,
  values: TargetValues,
  now: Date,
) {
  const rows = await db
    .update(t)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(t.id, id), eq(t.version, version)))
    .returning();
  return rows[0];
}

/** Stored results of communes for several years, in batches of codes. */
export async function findResultsForYears(
  db: DbOrTx,
  codes: string[],
  years: number[],
  keys?: string[],
) {
  const rows: (typeof r.$inferSelect)[] = [];
  if (years.length === 0) return rows;
  for (const part of chunks(codes, 2000)) {
    const found = await db
      .select()
      .from(r)
      .where(and(keyed(r.provinceCode, keys), inArray(r.year, years), inArray(r.unitCode, part)));
    for (const row of found) rows.push(row);
  }
  return rows;
}

/** Criterion statuses other than "met" (or every status when `all`), for communes and years. */
export async function findCriterionStatuses(
  db: DbOrTx,
  codes: string[],
  years: number[],
  options: { all: boolean; criteria?: string[]; keys?: string[] },
) {
  const rows: (typeof c.$inferSelect)[] = [];
  if (years.length === 0) return rows;
  for (const part of chunks(codes, 2000)) {
    const found = await db
      .select()
      .from(c)
      .where(
        and(
          keyed(c.provinceCode, options.keys),
          inArray(c.year, years),
          inArray(c.unitCode, part),
          options.all ? undefined : ne(c.status, "met"),
          options.criteria ? inArray(c.criterionCode, options.criteria) : undefined,
        ),
      );
    for (const row of found) rows.push(row);
  }
  return rows;
}

/** Years that have stored results for any of the communes. */
export async function findResultYears(
  db: DbOrTx,
  codes: string[],
  keys?: string[],
): Promise<number[]> {
  if (codes.length === 0) return [];
  const years = new Set<number>();
  for (const part of chunks(codes, 2000)) {
    const rows = await db
      .selectDistinct({ year: r.year })
      .from(r)
      .where(and(keyed(r.provinceCode, keys), inArray(r.unitCode, part)));
    for (const row of rows) years.add(row.year);
  }
  return [...years].sort((a, b) => a - b);
}

export async function findPlan(db: DbOrTx, unitCode: string, year: number) {
  const rows = await db
    .select()
    .from(p)
    .where(and(eq(p.unitCode, unitCode), eq(p.year, year)));
  return rows[0];
}

export async function findPlans(db: DbOrTx, codes: string[], year: number) {
  const rows: (typeof p.$inferSelect)[] = [];
  for (const part of chunks(codes, 2000)) {
    const found = await db
      .select()
      .from(p)
      .where(and(eq(p.year, year), inArray(p.unitCode, part)));
    for (const row of found) rows.push(row);
  }
  return rows;
}

/** Locks the plan row (if any) for the write that follows. */
export async function lockPlan(db: DbOrTx, unitCode: string, year: number) {
  const rows = await db
    .select()
    .from(p)
    .where(and(eq(p.unitCode, unitCode), eq(p.year, year)))
    .for("update");
  return rows[0];
}

export async function upsertPlan(
  db: DbOrTx,
  row: {
    unitCode: string;
    year: number;
    plan: unknown;
    version: number;
    by: string;
    now: Date;
    demo?: boolean;
  },
) {
  await db
    .insert(p)
    .values({
      unitCode: row.unitCode,
      year: row.year,
      plan: row.plan,
      version: row.version,
      demo: row.demo ?? false,
      updatedAt: row.now,
      updatedBy: row.by,
    })
    .onConflictDoUpdate({
      target: [p.year, p.unitCode],
      set: {
        plan: row.plan,
        version: row.version,
        updatedAt: row.now,
        updatedBy: row.by,
        demo: false,
      },
    });
}

export async function findDepartmentWithCriteria(db: DbOrTx, id: number) {
  const d = tables.departments;
  const rows = await db.select().from(d).where(eq(d.id, id));
  const department = rows[0];
  if (!department) return undefined;
  const dc = tables.departmentCriteria;
  const criteria = await db
    .select({ setCode: dc.setCode, criterionCode: dc.criterionCode })
    .from(dc)
    .where(eq(dc.departmentId, id));
  return { department, criteria };
}
