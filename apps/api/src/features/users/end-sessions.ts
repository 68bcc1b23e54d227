import type { Db } from "@ntm/db";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { type AuthUser, deleteUserSessions } from "../auth/index.ts";
import { loadAccountTarget } from "./account-target.ts";

/** An administrator signs a user out everywhere (a lost phone, a shared computer). */
export async function endSessions(db: Db, options: { username: string; by: AuthUser; now: Date }) {
  const { by } = options;
  return db.transaction(async (tx) => {
    const { account, resource } = await loadAccountTarget(tx, options.username, options.now);
    assertCan(by, "user.sessions.end", resource);
    const sessionsEnded = await deleteUserSessions(tx, account.id);
    await recordAudit(tx, {
      kind: "user.sessions-ended",
      by,
      key: account.username,
      unitCode: account.unitCode,
      new: { sessions: sessionsEnded },
    });
    return { username: account.username, active: account.active, sessionsEnded };
  });
}
