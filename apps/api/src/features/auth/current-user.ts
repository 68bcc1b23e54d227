import type { DbOrTx } from "@ntm/db";
import type { CurrentUser } from "@ntm/contracts";
import { today } from "../../shared/clock.ts";
import { findLatestUnit, findPathOn } from "../units/index.ts";
import type { AuthUser } from "./auth-user.ts";
import { permissionsOf } from "./permissions.ts";

export async function currentUser(db: DbOrTx, user: AuthUser, now: Date): Promise<CurrentUser> {
  const unit = await findLatestUnit(db, user.unitCode);
  const path = await findPathOn(db, user.unitCode, today(now));
  const codes = path.length > 0 ? path.map((step) => step.code) : [user.unitCode];
  const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitCode: user.unitCode,
    unitName: unit?.name ?? user.unitCode,
    unitLevel: unit?.level ?? "",
    criteria: user.criteria,
    departmentName: user.departmentName,
    mustChangePassword: user.mustChangePassword,
    permissions: permissionsOf(user, {
      unit: { unitCode: user.unitCode, path: codes },
      provinceCode,
    }),
  };
}
