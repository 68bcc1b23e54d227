import type { Db } from "@ntm/db";
import type { ChangePasswordInput } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import {
  assertPasswordAllowed,
  type AuthUser,
  countPasswordAttempt,
  deleteUserSessions,
  findAccountById,
  hashPassword,
  sessionId,
  takeBackPasswordAttempt,
  updateAccount,
  verifyPassword,
} from "../auth/index.ts";

/**
 * A user changes their own password, proving they know the current one (counted like a login,
 * so a stolen session cannot guess it). Their other sessions end (a stolen session does not
 * outlive the change); the one they act from stays open.
 */
export async function changeOwnPassword(
  db: Db,
  options: {
    input: ChangePasswordInput;
    by: AuthUser;
    sessionToken: string | undefined;
    address: string;
    now: Date;
  },
) {
  const { input, by } = options;
  assertCan(by, "user.password.change", { userId: by.id });
  const attempt = { username: by.username, address: options.address, now: options.now };
  await countPasswordAttempt(db, attempt);
  const account = await findAccountById(db, by.id);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw invalid("Mật khẩu hiện tại không đúng.", "The current password is wrong.", [
      { path: "currentPassword", message: "Mật khẩu hiện tại không đúng." },
    ]);
  }
  await takeBackPasswordAttempt(db, attempt);
  if (input.newPassword === input.currentPassword) {
    throw invalid(
      "Mật khẩu mới phải khác mật khẩu hiện tại.",
      "The new password must differ from the current one.",
      [{ path: "newPassword", message: "Mật khẩu mới phải khác mật khẩu hiện tại." }],
    );
  }
  assertPasswordAllowed(input.newPassword, account.username, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await updateAccount(tx, account.id, { passwordHash, mustChangePassword: false });
    const keep = options.sessionToken ? sessionId(options.sessionToken) : undefined;
    const sessionsEnded = await deleteUserSessions(tx, account.id, keep);
    await recordAudit(tx, {
      kind: "user.password-changed",
      by,
      key: account.username,
      unitCode: account.unitCode,
      new: { sessionsEnded },
    });
    return { ok: true as const, sessionsEnded };
  });
}
