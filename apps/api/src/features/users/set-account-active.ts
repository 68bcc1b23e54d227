import type { Db } from "@ntm/db";
import { AppError } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { type AuthUser, deleteUserSessions, updateAccount } from "../auth/index.ts";
import { loadAccountTarget } from "./account-target.ts";

/**
 * An administrator disables an account (it can no longer sign in and its sessions end at once)
 * or enables it again.
 */
export async function setAccountActive(
  db: Db,
  options: { username: string; active: boolean; by: AuthUser; now: Date },
) {
  const { by, active } = options;
  return db.transaction(async (tx) => {
    const { account, resource } = await loadAccountTarget(tx, options.username, options.now);
    assertCan(by, "user.disable", resource);
    if (!active && account.id === by.id) {
      throw new AppError({
        code: "CONFLICT",
        vi: "Không thể tự vô hiệu hóa tài khoản đang dùng; hãy nhờ một quản trị khác.",
        en: "You cannot disable your own account; ask another administrator.",
      });
    }
    await updateAccount(tx, account.id, { active });
    const sessionsEnded = active ? 0 : await deleteUserSessions(tx, account.id);
    if (account.active !== active) {
      const change = { by, key: account.username, unitCode: account.unitCode };
      await recordAudit(
        tx,
        active
          ? { ...change, kind: "user.enabled", old: { active: false }, new: { active: true } }
          : { ...change, kind: "user.disabled", old: { active: true }, new: { active: false } },
      );
    }
    return { username: account.username, active, sessionsEnded };
  });
}
