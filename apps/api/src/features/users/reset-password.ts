import { randomInt } from "node:crypto";
import type { Db } from "@ntm/db";
import { checkPassword } from "@ntm/domain";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { type AuthUser, deleteUserSessions, hashPassword, updateAccount } from "../auth/index.ts";
import { loadAccountTarget } from "./account-target.ts";

// No 0/o, 1/l/i: the password is read out over the phone or copied from a screen.
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** Four groups of four: about 79 bits, easy to read out. */
export function temporaryPassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(""),
    );
    const candidate = groups.join("-");
    if (checkPassword(candidate, { username }).ok) return candidate;
  }
}

/**
 * An administrator resets a forgotten password: the account gets a temporary password, shown
 * once, its sessions end, and its user must choose a new password at the next login.
 */
export async function resetPassword(
  db: Db,
  options: { username: string; by: AuthUser; now: Date },
) {
  const { by } = options;
  return db.transaction(async (tx) => {
    const { account, resource } = await loadAccountTarget(tx, options.username, options.now);
    assertCan(by, "user.password.reset", resource);
    const password = temporaryPassword(account.username);
    await updateAccount(tx, account.id, {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    const sessionsEnded = await deleteUserSessions(tx, account.id);
    await recordAudit(tx, {
      kind: "user.password-reset",
      by,
      key: account.username,
      unitCode: account.unitCode,
      new: { mustChangePassword: true },
    });
    return { username: account.username, temporaryPassword: password, sessionsEnded };
  });
}
