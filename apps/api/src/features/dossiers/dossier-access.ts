import type { DbOrTx } from "@ntm/db";
import { endOfYear, type DossierActor, type UnitResource } from "@ntm/domain";
import { allows } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import {
  findDescendantsOn,
  findLatestUnit,
  findProvinceKeys,
  findUnitOn,
  requireUnitAccess,
} from "../units/index.ts";
import type { DossierRow } from "./dossiers.repository.ts";

/**
 * The units a user may see dossiers of: the scope unit and everything below it. An account of a
 * unit the 2025 reform closed keeps its unit's dossiers as on its last day, and only of the years
 * its unit held (a year belongs to the unit in force on its 31 December, so codes the reform
 * reused carry later dossiers of another province). A dossier is stored under the key of the
 * province that held its unit at the end of its year: the scope's province and every province a
 * reorganisation linked to it (none for a national account: every province).
 */
export async function dossierScope(db: DbOrTx, user: AuthUser, asOf: string) {
  const closed = (await findUnitOn(db, user.unitCode, asOf))
    ? undefined
    : await findLatestUnit(db, user.unitCode);
  const on = closed?.validTo && closed.validTo < asOf ? closed.validTo : asOf;
  const below = await findDescendantsOn(db, user.unitCode, on);
  const lastYear =
    on === asOf ? undefined : Number(on.slice(0, 4)) - (on.endsWith("-12-31") ? 0 : 1);
  const keys = await findProvinceKeys(db, user.unitCode, on);
  return {
    codes: [user.unitCode, ...below.map((unit) => unit.code)],
    lastYear,
    provinceKeys: keys.length > 0 ? keys : undefined,
  };
}

/** Codes of the units a user may see dossiers of (see `dossierScope`). */
export async function scopeCodes(db: DbOrTx, user: AuthUser, asOf: string) {
  return (await dossierScope(db, user, asOf)).codes;
}

/** The dossier's unit (as of the dossier's year), refused unless the user may read the dossier. */
export function requireDossierAccess(db: DbOrTx, user: AuthUser, row: DossierRow) {
  return requireUnitAccess(db, {
    user,
    code: row.unitCode,
    asOf: endOfYear(row.year),
    action: "dossier.read",
  });
}

/** The criteria of a dossier's snapshot the user may still confirm at the appraisal. */
export function confirmableCriteria(user: AuthUser, row: DossierRow, unit: UnitResource) {
  const confirmed = new Set(row.state.confirmations.map((c) => c.criterionCode));
  return row.state.snapshot.criteria
    .filter((criterion) => !confirmed.has(criterion.code))
    .filter((criterion) =>
      allows(user, "dossier.confirm", {
        ...unit,
        criterion: { setCode: row.state.snapshot.setCode, criterionCode: criterion.code },
      }),
    )
    .map((criterion) => criterion.code);
}

/** The user as the dossier workflow sees it. */
export function dossierActor(user: AuthUser): DossierActor {
  return {
    role: user.role,
    username: user.username,
    departmentName: user.departmentName,
    criteria: user.criteria,
  };
}
