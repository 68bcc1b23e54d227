import type { Db } from "@ntm/db";
import { addDays, isInScope } from "@ntm/domain";
import { actorOf, type AuthUser } from "../auth/index.ts";
import {
  findDescendantsOn,
  findLatestUnit,
  findPathOn,
  findSuccessorLinks,
  findUnitOn,
  findUnitsValidOn,
} from "../units/index.ts";

/** The units a user sees in reports and obstacles: its own and every unit below it, on a date. */
export interface UnitScope {
  user: AuthUser;
  /** Each unit of the scope with its code and the codes above it, the unit first. */
  paths: Map<string, string[]>;
  names: Map<string, string>;
}

export async function scopeOf(db: Db, user: AuthUser, today: string): Promise<UnitScope> {
  // A scope that holds every unit (the national administrator's) is the whole tree in force.
  if (isInScope(actorOf(user), { unitCode: "", path: [] })) {
    const all = await findUnitsValidOn(db, today);
    const parents = new Map(all.map((unit) => [unit.code, unit.parentCode]));
    const pathOf = (code: string, depth = 0): string[] => {
      const parent = parents.get(code);
      return [code, ...(parent && depth < 10 ? pathOf(parent, depth + 1) : [])];
    };
    return {
      user,
      paths: new Map(all.map((unit) => [unit.code, pathOf(unit.code)])),
      names: new Map(all.map((unit) => [unit.code, unit.name])),
    };
  }
  // An account of a unit the 2025 reform closed keeps its unit's reports and obstacles as on its
  // last day (ADR 0011), as it keeps its tasks and dossiers.
  const current = await findUnitOn(db, user.unitCode, today);
  const closed = current ? undefined : await findLatestUnit(db, user.unitCode);
  const on = closed?.validTo && closed.validTo < today ? closed.validTo : today;
  const own = await findPathOn(db, user.unitCode, on);
  const paths = new Map<string, string[]>([[user.unitCode, own.map((step) => step.code)]]);
  const names = new Map<string, string>([[user.unitCode, own[0]?.name ?? user.unitCode]]);
  const below = await findDescendantsOn(db, user.unitCode, on);
  const parents = new Map(below.map((unit) => [unit.code, unit.parentCode]));
  const pathOf = (code: string): string[] => {
    const known = paths.get(code);
    if (known) return known;
    const parent = parents.get(code);
    const path = [code, ...(parent ? pathOf(parent) : [])];
    paths.set(code, path);
    return path;
  };
  for (const unit of below) {
    pathOf(unit.code);
    names.set(unit.code, unit.name);
  }
  if (current) await addPredecessors(db, current, { user, paths, names });
  return { user, paths, names };
}

/**
 * Whoever answers for a unit today answers for its history (ADR 0011): the reports and obstacles
 * of the versions that went wholly into the user's unit (old Kon Tum and its districts and
 * communes for Quảng Ngãi of today), read on their last day, under the codes above them then and
 * the user's own path. A code in force today keeps its path of today.
 */
async function addPredecessors(
  db: Db,
  current: { code: string; validFrom: string },
  scope: UnitScope,
) {
  const own = scope.paths.get(current.code) ?? [current.code];
  const links = (await findSuccessorLinks(db, current.code)).filter(
    (link) =>
      link.successorCode === current.code &&
      link.successorValidFrom === current.validFrom &&
      link.kind === "full",
  );
  for (const link of links) {
    const lastDay = addDays(link.effectiveDate, -1);
    const top = await findPathOn(db, link.predecessorCode, lastDay);
    if (top.length === 0) continue;
    const above = [...top.map((step) => step.code), ...own];
    const add = (code: string, path: string[], name: string) => {
      if (scope.paths.has(code)) return;
      scope.paths.set(code, path);
      scope.names.set(code, name);
    };
    add(link.predecessorCode, above, top[0]!.name);
    const below = await findDescendantsOn(db, link.predecessorCode, lastDay);
    const parents = new Map(below.map((unit) => [unit.code, unit.parentCode]));
    const pathOf = (code: string, depth = 0): string[] => {
      const parent = parents.get(code);
      if (code === link.predecessorCode || !parent || depth > 10) return above;
      return [code, ...pathOf(parent, depth + 1)];
    };
    for (const unit of below)
      add(unit.code, [unit.code, ...pathOf(unit.parentCode ?? "")], unit.name);
  }
}
