import type { Db } from "@ntm/db";
import { endOfYear, type LevelCode } from "@ntm/domain";
import {
  criterionStatusSchema,
  type CommuneListQuery,
  type CommuneListResponse,
  type CommuneListRow,
} from "@ntm/contracts";
import { invalid, notFound } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/index.ts";
import { findDemoFlags, findStoredResults, rememberProvinceKeys } from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { getUnitTargets } from "../targets/index.ts";
import { findDescendantsOn, requireUnitAccess } from "../units/index.ts";
import { findStatusesOfCriterion } from "./communes-list.repository.ts";
import { matchesFilter } from "./communes-filter.ts";

interface ListOptions {
  user: AuthUser;
  code: string;
  query: CommuneListQuery;
  now: Date;
}

/** The communes a target finds behind, and the year it judges them on. */
async function targetBehind(db: Db, options: ListOptions, id: number) {
  const { targets } = await getUnitTargets(db, {
    user: options.user,
    code: options.code,
    year: options.query.year,
    now: options.now,
  });
  const found = targets.find((item) => item.target.id === id);
  if (!found) {
    throw notFound(
      `Không có mục tiêu số ${id} trong phạm vi đơn vị ${options.code}.`,
      `Target ${id} does not apply to unit ${options.code}.`,
    );
  }
  return {
    target: { id, name: found.target.name },
    year: found.progress.year,
    codes: new Set(found.progress.behind.map((row) => row.code)),
  };
}

/**
 * The communes behind a figure of a province or district (or the commune itself), read from the
 * stored results like the summary: nothing is re-evaluated.
 */
export async function listCommunesBehind(
  db: Db,
  options: ListOptions,
): Promise<CommuneListResponse> {
  const { query } = options;
  const behind = query.target === undefined ? null : await targetBehind(db, options, query.target);
  const year = behind?.year ?? query.year;
  const asOf = endOfYear(year);
  const { unit, path } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf,
    action: "unit.read",
  });
  const communes =
    unit.level === "commune"
      ? [{ ...unit, parentName: null }]
      : (await findDescendantsOn(db, unit.code, asOf)).filter(
          (row) => row.level === "commune" && row.assessed,
        );
  const provinceCode = [...path].reverse().find((step) => step.level === "province")?.code ?? null;
  const set = await selectSetFor(db, { year, provinceCode }).catch(() => null);
  const levels = (set?.definition.levels ?? []).map((level) => ({
    code: level.code,
    name: level.name,
  }));
  let criterion: CommuneListResponse["criterion"] = null;
  if (query.criterion !== undefined) {
    const found = set?.definition.criteria.find((item) => item.code === query.criterion);
    if (!found) {
      throw invalid(
        `Bộ tiêu chí năm ${year} không có tiêu chí ${query.criterion}.`,
        `The criteria set of ${year} has no criterion ${query.criterion}.`,
      );
    }
    criterion = { code: found.code, name: found.name };
  }
  const codes = communes.map((row) => row.code);
  // The communes on 31 December of the year are of the unit's province then: one province key.
  const key = provinceCode ?? "";
  const stored = new Map(
    (await findStoredResults(db, codes, year, key)).map((r) => [r.unitCode, r]),
  );
  const demo = await findDemoFlags(db, codes, year, key);
  if (provinceCode) rememberProvinceKeys(codes, year, provinceCode);
  const statuses = criterion
    ? await findStatusesOfCriterion(db, { codes, year, provinceCode: key }, criterion.code)
    : new Map<string, string>();
  const rows = communes
    .filter((row) => !behind || behind.codes.has(row.code))
    .map((row): CommuneListRow => {
      const result = stored.get(row.code);
      const status = criterionStatusSchema.safeParse(statuses.get(row.code));
      return {
        code: row.code,
        name: row.name,
        parentCode: unit.level === "commune" ? null : row.parentCode,
        parentName: row.parentName,
        criteriaMet: result?.criteriaMet ?? null,
        criteriaTotal: result?.criteriaTotal ?? null,
        level: (result?.level ?? null) as LevelCode | null,
        criterionStatus: criterion ? (status.success ? status.data : "missing") : null,
        demo: demo.has(row.code),
      };
    })
    .filter((row) =>
      matchesFilter(
        row,
        query,
        levels.map((level) => level.code),
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "vi") || a.code.localeCompare(b.code));
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    levels,
    criterion,
    target: behind?.target ?? null,
    communes: communes.length,
    rows,
    demo: rows.some((row) => row.demo),
  };
}
