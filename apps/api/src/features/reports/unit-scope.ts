import type { Db } from "@ntm/db";
import { isInScope } from "@ntm/domain";
import { actorOf, type AuthUser } from "../auth/index.ts";
import {
  findDescendantsOn,
  findLatestUnit,
  findPathOn,
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
  const closed = (await findUnitOn(db, user.unitCode, today))
    ? undefined
    : await findLatestUnit(db, user.unitCode);
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
  return { user, paths, names };
}
