import { randomBytes } from "node:crypto";
import type { Db } from "@ntm/db";
import { AppError, forbidden } from "../../http/app-error.ts";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import type { AuthUser } from "./auth-user.ts";
import { findAccountByUsername, type Account } from "./auth.repository.ts";
import { countPasswordAttempt, takeBackPasswordAttempt } from "./password-attempts.ts";
import { verifyPassword, hashPassword } from "./password.ts";
import { openSession, toAuthUser, type SessionLimits } from "./sessions.ts";

let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}

export interface LoginInput {
  username: string;
  password: string;
  /** The client's address (through a trusted proxy when one is configured). */
  address: string;
  now: Date;
  limits: SessionLimits;
  /** Whether the demo accounts, whose password is published, may sign in. */
  demoLogins: boolean;
}

const wrongCredentials = () =>
  new AppError({
    code: "INVALID_CREDENTIALS",
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  });

/** A failed or refused login, recorded under the account it names (known or not). */
function failedLogin(
  username: string,
  account: Account | undefined,
  address: string,
  reason: string,
): AuditEvent {
  return {
    kind: "auth.login-failed",
    by: { id: account?.id ?? 0, username: account?.username ?? username },
    key: username,
    unitCode: account?.unitCode ?? null,
    new: { address, reason },
  };
}

/**
 * Checks the password and opens a session. Unknown user and wrong password get the same answer
 * in the same time; a disabled or refused demo account is named only to whoever knows its password.
 */
export async function login(db: Db, input: LoginInput) {
  const { now, address } = input;
  const username = input.username.trim().toLowerCase();
  await countPasswordAttempt(db, { username, address, now });

  const account = await findAccountByUsername(db, username);
  // Verify against a fixed hash for unknown users too, so timing does not reveal which exist.
  const passwordOk = await verifyPassword(
    account?.passwordHash ?? (await decoyHash()),
    input.password,
  );
  if (!account || !passwordOk) {
    const reason = account ? "wrong-password" : "unknown-user";
    await db.transaction((tx) => recordAudit(tx, failedLogin(username, account, address, reason)));
    throw wrongCredentials();
  }
  await takeBackPasswordAttempt(db, { username, address, now });

  if (!account.active || (account.demo && !input.demoLogins)) {
    const reason = account.active ? "demo" : "disabled";
    await db.transaction((tx) => recordAudit(tx, failedLogin(username, account, address, reason)));
    throw account.active
      ? forbidden(
          "Tài khoản minh họa (mật khẩu công khai) không được dùng trên hệ thống này. Hãy đăng nhập bằng tài khoản thật do quản trị tỉnh cấp.",
          "Demo accounts (with a published password) are disabled on this system. Sign in with a real account from your province administrator.",
        )
      : forbidden(
          "Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị tỉnh.",
          "This account is disabled. Contact your province administrator.",
        );
  }

  return db.transaction(async (tx) => {
    const session = await openSession(tx, { userId: account.id, now, limits: input.limits });
    await recordAudit(tx, {
      kind: "auth.login",
      by: account,
      key: account.username,
      unitCode: account.unitCode,
      new: { address },
    });
    const user: AuthUser = await toAuthUser(tx, account);
    return { ...session, user };
  });
}
