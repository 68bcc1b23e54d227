import type { Db } from "@ntm/db";
import {
  splitUnitName,
  unitStateSchema,
  type UnitAdminRow,
  type UnitChangeInput,
  type UnitChangeResult,
  type UnitHistory,
} from "@ntm/contracts";
import { endOfYear, matchesSearch } from "@ntm/domain";
import { invalid } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/index.ts";
import { allows, assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { evaluateMany } from "../assessments/index.ts";
import { findAuditEntries } from "../audit/index.ts";
import { dayBefore, planUnitChange, stateOf, type UnitVersion } from "./unit-change-plan.ts";
import {
  findAssessedYears,
  findVersions,
  insertVersion,
  moveOutgoingLinks,
  updateVersion,
} from "./unit-edit.repository.ts";
import { findDescendantsOn, lockUnit } from "./units.repository.ts";
import { findUnitResource, requireUnitAccess } from "./units.service.ts";

function toRow(
  unit: UnitVersion & { parentName?: string | null },
  path: readonly string[],
  user: AuthUser,
): UnitAdminRow {
  const { kind, properName } = splitUnitName(unit.name, unit.level);
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentCode: unit.parentCode,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    region: unit.region,
    communeGroup: unit.communeGroup,
    flags: unit.flags,
    assessed: unit.assessed,
    kind,
    properName,
    parentName: unit.parentName ?? null,
    regionCandidates: unit.regionCandidates,
    can: { edit: allows(user, "unit.edit", { unitCode: unit.code, path: [...path] }) },
  };
}

/** The units below the user's unit on a date, xã first, searched without diacritics. */
export async function listUnitsForAdmin(
  db: Db,
  options: { user: AuthUser; asOf: string; q?: string | undefined },
): Promise<UnitAdminRow[]> {
  const { user, asOf } = options;
  const { path } = await requireUnitAccess(db, {
    user,
    code: user.unitCode,
    asOf,
    action: "unit.read",
  });
  const units = await findDescendantsOn(db, user.unitCode, asOf);
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const scopePath = path.map((step) => step.code);
  const pathOf = (unit: UnitVersion): string[] => {
    const above: string[] = [];
    let parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
    for (let depth = 0; parent && depth < 10; depth += 1) {
      above.push(parent.code);
      parent = parent.parentCode ? byCode.get(parent.parentCode) : undefined;
    }
    return [unit.code, ...above, ...scopePath];
  };
  const q = options.q?.trim();
  return units
    .filter((unit) => !q || matchesSearch(unit.name, q) || unit.code === q)
    .sort(
      (a, b) =>
        Number(b.level === "commune") - Number(a.level === "commune") ||
        Number(b.assessed) - Number(a.assessed) ||
        a.name.localeCompare(b.name, "vi"),
    )
    .map((unit) => toRow(unit, pathOf(unit), user));
}

/** Every version of a unit and the changes made to it in the app. */
export async function getUnitHistory(
  db: Db,
  options: { user: AuthUser; code: string; asOf: string },
): Promise<UnitHistory> {
  const { unit } = await requireUnitAccess(db, { ...options, action: "unit.read" });
  const versions = await findVersions(db, unit.code);
  const entries = await findAuditEntries(db, {
    unitCode: unit.code,
    entityType: "admin_unit",
    limit: 200,
  });
  return {
    code: unit.code,
    versions: versions.map((version) => ({
      code: version.code,
      name: version.name,
      level: version.level,
      parentCode: version.parentCode,
      validFrom: version.validFrom,
      validTo: version.validTo,
      region: version.region,
      communeGroup: version.communeGroup,
      flags: version.flags,
      assessed: version.assessed,
      kind: splitUnitName(version.name, version.level).kind,
    })),
    changes: entries.map((entry) => {
      const after = entry.newValue as {
        effectiveFrom: string;
        basis: string;
        reevaluatedYears: number[];
      };
      return {
        id: entry.id,
        at: entry.at.toISOString(),
        username: entry.username,
        effectiveFrom: after.effectiveFrom,
        basis: after.basis,
        before: unitStateSchema.parse(entry.oldValue),
        after: unitStateSchema.parse(entry.newValue),
        reevaluatedYears: after.reevaluatedYears,
      };
    }),
  };
}

/**
 * A dated change of a unit by its province, in one transaction: the unit's versions change from
 * the date, the stored results of the years whose reference date (31/12) falls in the changed
 * version are evaluated again, and the change is audited with who, when, before and after.
 */
export async function editUnit(
  db: Db,
  options: { user: AuthUser; code: string; input: UnitChangeInput; now: Date },
): Promise<UnitChangeResult> {
  const { user, input } = options;
  return db.transaction(async (tx) => {
    let found = await findUnitResource(tx, options.code, input.effectiveFrom);
    // A date before the unit existed: its place in the hierarchy is read at its first day, so the
    // answer is the date's problem, not a refusal.
    if (input.effectiveFrom < found.unit.validFrom) {
      found = await findUnitResource(tx, options.code, found.unit.validFrom);
    }
    assertCan(user, "unit.edit", found.resource);
    await lockUnit(tx, found.unit.code);
    const plan = planUnitChange(await findVersions(tx, found.unit.code), input);
    if (!plan.ok) {
      const [first] = plan.problems;
      throw invalid(
        first?.vi ?? "Thay đổi không hợp lệ.",
        first?.en ?? "The change is not valid.",
        plan.problems.map((problem) => ({ path: problem.field, message: problem.vi })),
      );
    }
    const { before, after } = plan;
    if (plan.split) {
      await updateVersion(tx, { ...before, validTo: dayBefore(after.validFrom) });
      await insertVersion(tx, after);
      await moveOutgoingLinks(tx, {
        code: before.code,
        fromValidFrom: before.validFrom,
        toValidFrom: after.validFrom,
      });
    } else {
      await updateVersion(tx, after);
    }

    const evaluated =
      after.level === "commune" &&
      (before.region !== after.region ||
        before.communeGroup !== after.communeGroup ||
        before.assessed !== after.assessed ||
        before.flags.join() !== after.flags.join());
    const reevaluatedYears = evaluated
      ? (await findAssessedYears(tx, after.code)).filter((year) => {
          const reference = endOfYear(year);
          return (
            reference >= after.validFrom && (after.validTo === null || reference <= after.validTo)
          );
        })
      : [];
    if (reevaluatedYears.length > 0) {
      await evaluateMany(tx, {
        years: reevaluatedYears,
        unitCodes: [after.code],
        now: options.now,
      });
    }

    await recordAudit(tx, {
      kind: "unit.change",
      by: user,
      key: `${after.code}@${after.validFrom}`,
      unitCode: after.code,
      old: stateOf(before),
      new: {
        ...stateOf(after),
        effectiveFrom: input.effectiveFrom,
        basis: input.basis,
        reevaluatedYears,
      },
    });
    return { unit: toRow(after, found.resource.path, user), reevaluatedYears };
  });
}
