import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";
import type { DueRule } from "@ntm/domain";

const rt = tables.reportTypes;
const rs = tables.reportSubmissions;
const ob = tables.obstacles;
const oe = tables.obstacleEvents;

export type ReportTypeRow = typeof rt.$inferSelect & { dueRule: DueRule };
export type SubmissionRow = typeof rs.$inferSelect;
export type ObstacleRow = typeof ob.$inferSelect;
export type ObstacleEventRow = typeof oe.$inferSelect;

export async function findReportTypes(db: DbOrTx) {
  return (await db.select().from(rt).orderBy(asc(rt.id))) as ReportTypeRow[];
}

export async function findReportType(db: DbOrTx, id: number) {
  const rows = await db.select().from(rt).where(eq(rt.id, id));
  return rows[0] as ReportTypeRow | undefined;
}

export async function insertReportType(db: DbOrTx, row: typeof rt.$inferInsert) {
  const rows = await db.insert(rt).values(row).onConflictDoNothing().returning();
  return rows[0] as ReportTypeRow | undefined;
}

/** Inserts the submissions not there yet; returns how many were new. */
export async function insertSubmissions(db: DbOrTx, rows: (typeof rs.$inferInsert)[]) {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(rs).values(rows).onConflictDoNothing().returning({ id: rs.id });
  return inserted.length;
}

export async function findSubmissions(
  db: DbOrTx,
  filter: {
    typeId?: number | undefined;
    periodKey?: string | undefined;
    periodPrefix?: string;
    /** The province keys of the rows (`findProvinceKeys`), when the caller knows them. */
    provinceKeys?: string[] | undefined;
  },
) {
  const conditions = [
    filter.provinceKeys ? inArray(rs.provinceCode, filter.provinceKeys) : undefined,
    filter.typeId !== undefined ? eq(rs.typeId, filter.typeId) : undefined,
    filter.periodKey ? eq(rs.periodKey, filter.periodKey) : undefined,
    filter.periodPrefix ? sql`${rs.periodKey} like ${`${filter.periodPrefix}%`}` : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select()
    .from(rs)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(rs.periodKey), asc(rs.unitCode), asc(rs.departmentCode));
}

/** The last day of a type's latest period begun by a date (ISO), if any is open. */
export async function findLastPeriodEnd(
  db: DbOrTx,
  typeId: number,
  date: string,
  provinceKeys?: string[],
) {
  const key = provinceKeys ? inArray(rs.provinceCode, provinceKeys) : undefined;
  const rows = await db
    .select({ end: sql<string | null>`max(${rs.periodEnd})::text` })
    .from(rs)
    .where(and(key, eq(rs.typeId, typeId), sql`${rs.periodStart} <= ${date}`));
  return rows[0]?.end ?? null;
}

export async function findSubmissionsByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(rs)
    .where(inArray(rs.id, ids))
    .orderBy(asc(rs.periodKey), asc(rs.unitCode), asc(rs.departmentCode));
}

export async function findSubmission(db: DbOrTx, id: number) {
  const rows = await db.select().from(rs).where(eq(rs.id, id));
  return rows[0];
}

export async function lockSubmission(db: DbOrTx, id: number) {
  const rows = await db.select().from(rs).where(eq(rs.id, id)).for("update");
  return rows[0];
}

export async function updateSubmission(
  db: DbOrTx,
  id: number,
  set: Partial<typeof rs.$inferInsert>,
) {
  await db.update(rs).set(set).where(eq(rs.id, id));
}

/** The latest submitted report of the same type and submitter before a period. */
export async function findPreviousSubmitted(db: DbOrTx, row: SubmissionRow) {
  const rows = await db
    .select()
    .from(rs)
    .where(
      and(
        eq(rs.typeId, row.typeId),
        eq(rs.unitCode, row.unitCode),
        eq(rs.departmentCode, row.departmentCode),
        eq(rs.state, "submitted"),
        sql`${rs.periodKey} < ${row.periodKey}`,
      ),
    )
    .orderBy(sql`${rs.periodKey} desc`)
    .limit(1);
  return rows[0];
}

export async function findDepartmentsOf(db: DbOrTx, provinceCode: string) {
  return db
    .select({ code: tables.departments.code, name: tables.departments.name })
    .from(tables.departments)
    .where(eq(tables.departments.provinceCode, provinceCode));
}

export async function findDepartmentNames(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: tables.departments.code, name: tables.departments.name })
    .from(tables.departments)
    .where(inArray(tables.departments.code, codes));
}

/** Criteria codes a department is in charge of (any criteria set). */
export async function findCriteriaOfDepartment(db: DbOrTx, departmentCode: string) {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select distinct dc.criterion_code as code from department_criteria dc
      join departments d on d.id = dc.department_id where d.code = ${departmentCode}`,
  );
  return rows.map((row) => row.code);
}

/** Communes below a unit on a date with their stored result for a year. */
export async function findCommuneResults(db: DbOrTx, unitCode: string, asOf: string, year: number) {
  return queryRows<{
    code: string;
    name: string;
    criteriaMet: number | null;
    level: string | null;
  }>(
    db,
    sql`
    with recursive tree(code, depth) as (
      select code, 0 from admin_units
        where code = ${unitCode} and valid_from <= ${asOf} and (valid_to is null or valid_to >= ${asOf})
      union all
      select c.code, tree.depth + 1 from admin_units c join tree on c.parent_code = tree.code
        where c.valid_from <= ${asOf} and (c.valid_to is null or c.valid_to >= ${asOf}) and tree.depth < 10
    )
    select a.code, a.name, r.criteria_met as "criteriaMet", r.level
      from tree
      join admin_units a on a.code = tree.code
        and a.valid_from <= ${asOf} and (a.valid_to is null or a.valid_to >= ${asOf})
      left join evaluation_results r on r.unit_code = a.code and r.year = ${year}
      where a.level = 'commune' and a.assessed
      order by a.code`,
  );
}

export async function countValueChanges(db: DbOrTx, unitCodes: string[], from: string, to: string) {
  if (unitCodes.length === 0) return 0;
  const rows = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from audit_log
      where action like 'assessment.value%' and at >= ${from}::date and at < (${to}::date + 1)
        and unit_code = any(string_to_array(${unitCodes.join(",")}, ','))`,
  );
  return rows[0]?.count ?? 0;
}

/* ---------- obstacles ---------- */
export async function insertObstacle(db: DbOrTx, row: typeof ob.$inferInsert) {
  const rows = await db.insert(ob).values(row).returning();
  return rows[0] as ObstacleRow;
}

export async function findObstacles(db: DbOrTx, unitCodes: string[] | null) {
  const rows = await db
    .select()
    .from(ob)
    .where(
      unitCodes === null
        ? undefined
        : sql`${ob.unitCode} = any(string_to_array(${unitCodes.join(",")}, ','))`,
    )
    .orderBy(asc(ob.dueDate), asc(ob.id));
  return rows;
}

export async function findObstacle(db: DbOrTx, id: number, lock = false) {
  const query = db.select().from(ob).where(eq(ob.id, id));
  const rows = lock ? await query.for("update") : await query;
  return rows[0];
}

export async function updateObstacle(db: DbOrTx, id: number, set: Partial<typeof ob.$inferInsert>) {
  await db.update(ob).set(set).where(eq(ob.id, id));
}

export async function insertObstacleEvent(db: DbOrTx, row: typeof oe.$inferInsert) {
  await db.insert(oe).values(row);
}

export async function findObstacleEvents(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(oe)
    .where(sql`${oe.obstacleId} = any(string_to_array(${ids.join(",")}, ',')::int[])`)
    .orderBy(asc(oe.obstacleId), asc(oe.at), asc(oe.id));
}

/* ---------- reminder e-mails ---------- */
export async function findReminderMail(db: DbOrTx, submissionId: number, kind: string) {
  const rm = tables.reportReminderMails;
  const rows = await db
    .select()
    .from(rm)
    .where(and(eq(rm.submissionId, submissionId), eq(rm.kind, kind)));
  return rows[0];
}

/** Claims a reminder e-mail; false when it was already sent. */
export async function insertReminderMail(
  db: DbOrTx,
  row: typeof tables.reportReminderMails.$inferInsert,
) {
  const rows = await db
    .insert(tables.reportReminderMails)
    .values(row)
    .onConflictDoNothing()
    .returning();
  return rows.length === 1;
}

/** Addresses of the active accounts that submit a report: the unit's officers, or the department's. */
export async function findSubmitterAddresses(db: DbOrTx, row: SubmissionRow) {
  const rows = row.departmentCode
    ? await queryRows<{ email: string }>(
        db,
        sql`select n.email from users u
          join notification_contacts n on n.user_id = u.id
          join departments d on d.id = u.department_id
          where u.active and u.role = 'department' and d.code = ${row.departmentCode}
          order by n.email`,
      )
    : await queryRows<{ email: string }>(
        db,
        sql`select n.email from users u
          join notification_contacts n on n.user_id = u.id
          where u.active and u.unit_code = ${row.unitCode}
            and u.role in ('district', 'commune_officer', 'province_admin', 'coordination_office')
          order by n.email`,
      );
  return [...new Set(rows.map((r) => r.email))];
}

/* ---------- reminders sent by hand ---------- */
const rr = tables.reportReminders;

/** Records a reminder; false when the report was already reminded that day. */
export async function insertReminder(db: DbOrTx, row: typeof rr.$inferInsert) {
  const rows = await db.insert(rr).values(row).onConflictDoNothing().returning({ id: rr.id });
  return rows.length === 1;
}

/** The last day each of these reports was reminded by hand. */
export async function findLastReminders(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ submissionId: rr.submissionId, on: sql<string>`max(${rr.remindedOn})::text` })
    .from(rr)
    .where(sql`${rr.submissionId} = any(string_to_array(${ids.join(",")}, ',')::int[])`)
    .groupBy(rr.submissionId);
  return new Map(rows.map((row) => [row.submissionId, row.on]));
}
