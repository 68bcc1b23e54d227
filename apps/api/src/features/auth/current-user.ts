import type { DbOrTx } from "@ntm/db";
import type { CurrentUser } from "@ntm/contracts";
import { findLatestUnit } from "../units/index.ts";
import type { AuthUser } from "./auth-user.ts";

export async function currentUser(db: DbOrTx, user: AuthUser): Promise<CurrentUser> {
  const unit = await findLatestUnit(db, user.unitCode);
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
  };
}
