import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  ne,
  or,
  isNotNull,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { tables, type DbOrTx } from "@ntm/db";

const rt = tables.reportTypes;
const rs = tables.reportSubmissions;
const ob = tables.obstacles;
const av = tables.assessmentValues;

const sender = alias(tables.adminUnits, "sender");
const receiver = alias(tables.adminUnits, "receiver");

/** The version of a unit in force on a day. */
const versionOn = (unit: typeof sender | typeof receiver, code: AnyPgColumn, day: AnyPgColumn) =>
  and(
    eq(unit.code, code),
    lte(unit.validFrom, day),
    or(isNull(unit.validTo), gte(unit.validTo, day)),
  );

/**
 * Reports of these units not submitted yet (drafts of an opened period, or returned ones), with
 * the sender's and the receiver's versions on the period's last day (the tree of the period).
 */
export async function findOpenSubmissions(
  db: DbOrTx,
  unitCodes: string[],
  provinceKeys?: string[],
) {
  if (unitCodes.length === 0) return [];
  return db
    .select({
      id: rs.id,
      typeName: rt.name,
      receiverUnitCode: rt.receiverUnitCode,
      periodKey: rs.periodKey,
      periodLabel: rs.periodLabel,
      dueDate: rs.dueDate,
      periodEnd: rs.periodEnd,
      senderName: sender.name,
      senderValidTo: sender.validTo,
      receiverName: receiver.name,
      receiverValidTo: receiver.validTo,
      unitCode: rs.unitCode,
      departmentCode: rs.departmentCode,
      state: rs.state,
      returnReason: rs.returnReason,
    })
    .from(rs)
    .innerJoin(rt, eq(rt.id, rs.typeId))
    .leftJoin(sender, versionOn(sender, rs.unitCode, rs.periodEnd))
    .leftJoin(receiver, versionOn(receiver, rt.receiverUnitCode, rs.periodEnd))
    .where(
      and(
        provinceKeys ? inArray(rs.provinceCode, provinceKeys) : undefined,
        inArray(rs.unitCode, unitCodes),
        ne(rs.state, "submitted"),
      ),
    )
    .orderBy(asc(rs.dueDate), asc(rs.id));
}

/** The latest reminder sent by hand for each of these reports ("Nhắc nộp"). */
export async function findLatestReminders(
  db: DbOrTx,
  submissionIds: number[],
  provinceKeys?: string[],
) {
  if (submissionIds.length === 0) return [];
  const rr = tables.reportReminders;
  return db
    .selectDistinctOn([rr.submissionId], {
      submissionId: rr.submissionId,
      remindedAt: rr.remindedAt,
      remindedByUnit: rr.remindedByUnit,
    })
    .from(rr)
    .where(
      and(
        provinceKeys ? inArray(rr.provinceCode, provinceKeys) : undefined,
        inArray(rr.submissionId, submissionIds),
      ),
    )
    .orderBy(asc(rr.submissionId), desc(rr.remindedAt));
}

/** Obstacles of these units not resolved yet. */
export async function findUnresolvedObstacles(
  db: DbOrTx,
  unitCodes: string[],
  provinceKeys?: string[],
) {
  if (unitCodes.length === 0) return [];
  return db
    .select({
      id: ob.id,
      unitCode: ob.unitCode,
      title: ob.title,
      status: ob.status,
      holder: ob.holder,
      criterionCodes: ob.criterionCodes,
      dueDate: ob.dueDate,
    })
    .from(ob)
    .where(
      and(
        provinceKeys ? inArray(ob.provinceCode, provinceKeys) : undefined,
        inArray(ob.unitCode, unitCodes),
        ne(ob.status, "resolved"),
      ),
    )
    .orderBy(asc(ob.dueDate), asc(ob.id));
}

/** How many of these indicators have a value, per unit, for a year. */
export async function countValuesEntered(
  db: DbOrTx,
  filter: {
    year: number;
    unitCodes: string[];
    indicatorCodes: string[];
    provinceKeys?: string[] | undefined;
  },
): Promise<Map<string, number>> {
  if (filter.unitCodes.length === 0 || filter.indicatorCodes.length === 0) return new Map();
  const rows = await db
    .select({ unitCode: av.unitCode, entered: count() })
    .from(av)
    .where(
      and(
        filter.provinceKeys ? inArray(av.provinceCode, filter.provinceKeys) : undefined,
        eq(av.year, filter.year),
        inArray(av.unitCode, filter.unitCodes),
        inArray(av.indicatorCode, filter.indicatorCodes),
        or(isNotNull(av.numValue), isNotNull(av.boolValue)),
      ),
    )
    .groupBy(av.unitCode);
  return new Map(rows.map((row) => [row.unitCode, Number(row.entered)]));
}
