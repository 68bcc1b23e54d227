import type { Db, DbOrTx } from "@ntm/db";
import {
  addDays,
  matchesSearch,
  type SuccessorLink,
  type UnitAction,
  type UnitResource,
} from "@ntm/domain";
import type { UnitDetail, UnitDto, UnitImportRow } from "@ntm/contracts";
import { invalid, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { analyzeIfLarge } from "../../shared/planner-statistics.repository.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { findSuccessorScopeCodes } from "./lineage-scope.repository.ts";
import { rekeyProvincesSince } from "./province-keys.repository.ts";
import {
  findChildrenOn,
  findDescendantsOn,
  findExistingCodes,
  findLatestUnit,
  findPathOn,
  findSuccessorLinks,
  findUnitOn,
  insertSuccessorLinks,
  upsertUnitVersions,
  type UnitRow,
} from "./units.repository.ts";

function toDto(row: UnitRow & { childCount?: number }): UnitDto {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    region: row.region,
    communeGroup: row.communeGroup,
    flags: row.flags,
    assessed: row.assessed,
    ...(row.childCount !== undefined ? { childCount: row.childCount } : {}),
  };
}

const unitNotFound = (code: string) =>
  notFound(
    `Không tìm thấy đơn vị hành chính mã ${code}.`,
    `Administrative unit ${code} not found.`,
  );

/**
 * A unit in force on a date (or its latest version, for a unit that has ended), the path above it
 * on that date, and the unit as the access policy sees it.
 */
export async function findUnitResource(db: DbOrTx, code: string, asOf: string) {
  const unit = (await findUnitOn(db, code, asOf)) ?? (await findLatestUnit(db, code));
  if (!unit) throw unitNotFound(code);
  // A unit that ended is read on its last day, one formed later on its first.
  const on =
    unit.validTo && unit.validTo < asOf
      ? unit.validTo
      : unit.validFrom > asOf
        ? unit.validFrom
        : asOf;
  const path = await findPathOn(db, unit.code, on);
  // A unit that ended stays in the scope of the units that took it over (ADR 0011).
  const successors = unit.validTo ? await findSuccessorScopeCodes(db, unit) : [];
  const resource: UnitResource = {
    unitCode: unit.code,
    path: [...path.map((step) => step.code), ...successors],
  };
  return { unit, path, asOf: on, resource };
}

/** Finds a unit (as `findUnitResource`) and checks the user may take an action on it as a whole. */
export async function requireUnitAccess(
  db: DbOrTx,
  options: { user: AuthUser; code: string; asOf: string; action: UnitAction },
) {
  const found = await findUnitResource(db, options.code, options.asOf);
  assertCan(options.user, options.action, found.resource);
  return found;
}

export async function listUnits(
  db: Db,
  options: {
    user: AuthUser;
    parent?: string | undefined;
    asOf: string;
    q?: string | undefined;
    level?: string | undefined;
  },
): Promise<UnitDto[]> {
  const { user, asOf } = options;
  const root = options.parent ?? user.unitCode;
  const { unit } = await requireUnitAccess(db, { user, code: root, asOf, action: "unit.read" });
  if (options.q || options.level) {
    const descendants = await findDescendantsOn(db, unit.code, asOf);
    const all = [unit, ...descendants];
    return all
      .filter((row) => !options.level || row.level === options.level)
      .filter((row) => !options.q || matchesSearch(row.name, options.q) || row.code === options.q)
      .slice(0, 200)
      .map(toDto);
  }
  if (!options.parent) {
    const children = await findChildrenOn(db, unit.code, asOf);
    return [toDto({ ...unit, childCount: children.length })];
  }
  // Vietnamese alphabetical order (Đ after D), which the database's byte order does not give.
  return (await findChildrenOn(db, unit.code, asOf))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"))
    .map(toDto);
}

export async function getUnitDetail(
  db: Db,
  options: { user: AuthUser; code: string; asOf: string },
): Promise<UnitDetail> {
  const { unit, path } = await requireUnitAccess(db, { ...options, action: "unit.read" });
  return unitDetailOf(unit, path, await findSuccessorLinks(db, unit.code));
}

/** A unit's page header: the unit, the path above it (province first) and its lineage links. */
export function unitDetailOf(
  unit: UnitRow,
  path: { code: string; name: string; level: string }[],
  links: (SuccessorLink & { predecessorName: string | null; successorName: string | null })[],
): UnitDetail {
  return {
    ...toDto(unit),
    path: [...path].reverse(),
    predecessors: links
      .filter(
        (link) => link.successorCode === unit.code && link.successorValidFrom === unit.validFrom,
      )
      .map((link) => ({
        code: link.predecessorCode,
        validFrom: link.predecessorValidFrom,
        name: link.predecessorName ?? link.predecessorCode,
        kind: link.kind,
        effectiveDate: link.effectiveDate,
      })),
    successors: links
      .filter(
        (link) =>
          link.predecessorCode === unit.code && link.predecessorValidFrom === unit.validFrom,
      )
      .map((link) => ({
        code: link.successorCode,
        validFrom: link.successorValidFrom,
        name: link.successorName ?? link.successorCode,
        kind: link.kind,
        effectiveDate: link.effectiveDate,
      })),
  };
}

/**
 * Imports hierarchy rows (one row = one unit version) in one transaction: parents must exist
 * in the file or the database, successor links point to known units; nothing is written on error.
 */
export async function importUnits(
  db: Db,
  options: { rows: UnitImportRow[]; user: AuthUser },
): Promise<{ units: number; links: number }> {
  const { rows, user } = options;
  assertCan(user, "units.import");
  const imported = await db.transaction(async (tx) => {
    const known = await findExistingCodes(tx);
    const inFile = new Set(rows.map((row) => row.code));
    const problems: { path: string; message: string }[] = [];
    rows.forEach((row, index) => {
      if (row.parentCode && !inFile.has(row.parentCode) && !known.has(row.parentCode)) {
        problems.push({
          path: `${index + 1}.parentCode`,
          message: `Dòng ${index + 1} (${row.code}): không có đơn vị cấp trên mã ${row.parentCode}.`,
        });
      }
      if (row.successorCode && !inFile.has(row.successorCode) && !known.has(row.successorCode)) {
        problems.push({
          path: `${index + 1}.successorCode`,
          message: `Dòng ${index + 1} (${row.code}): không có đơn vị kế thừa mã ${row.successorCode}.`,
        });
      }
      if (row.validTo && row.validTo < row.validFrom) {
        problems.push({
          path: `${index + 1}.validTo`,
          message: `Dòng ${index + 1} (${row.code}): ngày hết hiệu lực trước ngày có hiệu lực.`,
        });
      }
      if (row.successorCode && !row.validTo) {
        problems.push({
          path: `${index + 1}.validTo`,
          message: `Dòng ${index + 1} (${row.code}): đơn vị sáp nhập phải có ngày hết hiệu lực.`,
        });
      }
    });
    if (problems.length > 0) {
      throw invalid(
        `Tệp đơn vị hành chính có ${problems.length} lỗi; chưa ghi dữ liệu nào.`,
        `The hierarchy file has ${problems.length} errors; nothing was written.`,
        problems.slice(0, 100),
      );
    }
    await upsertUnitVersions(
      tx,
      rows.map((row) => ({
        code: row.code,
        name: row.name,
        level: row.level,
        parentCode: row.parentCode ?? null,
        validFrom: row.validFrom,
        validTo: row.validTo ?? null,
        region: row.region ?? null,
        communeGroup: row.communeGroup ?? null,
        flags: row.flags,
        assessed: row.assessed ?? row.level === "commune",
      })),
    );
    const successions = rows.flatMap((row) =>
      row.successorCode && row.validTo
        ? [
            {
              predecessorCode: row.code,
              predecessorValidFrom: row.validFrom,
              successorCode: row.successorCode,
              effectiveDate: addDays(row.validTo, 1),
            },
          ]
        : [],
    );
    await insertSuccessorLinks(tx, successions);
    const links = successions.length;
    // A version of a unit already known can move it to another province from its first day.
    const restated = rows.filter((row) => known.has(row.code)).map((row) => row.validFrom);
    if (restated.length > 0) await rekeyProvincesSince(tx, restated.sort()[0] as string);
    await recordAudit(tx, {
      kind: "units.import",
      by: user,
      key: "import",
      unitCode: null,
      new: { units: rows.length, links },
    });
    return { units: rows.length, links };
  });
  await analyzeIfLarge(db, rows.length, ["admin_units", "unit_successors"], { embeddedOnly: true });
  return imported;
}
