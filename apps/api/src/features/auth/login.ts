import { randomBytes } from "node:crypto";
import type { Db } from "@ntm/db";
import { AppError, forbidden } from "../../http/app-error.ts";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import type { AuthUser } from "./auth-user.ts";
import { findAccountByUsername, type Account } from "./auth.repository.ts";
import {
  deleteCounter,
  deleteStaleCounters,
  lockCounters,
  saveCounter,
  uncountAttempt,
} from "./login-attempts.repository.ts";
import { counterKeys, decideAttempt } from "./login-throttle.ts";
import { verifyPassword, hashPassword } from "./password.ts";
import { openSession, toAuthUser, type SessionLimits } from "./sessions.ts";

const dayMs = 24 * 60 * 60 * 1000;

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

function tooManyAttempts(retryAfterMs: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError({
    code: "RATE_LIMITED",
    vi: `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`,
    en: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  });
}

const wrongCredentials = () =>
  new AppError({
    code: "INVALID_CREDENTIALS",
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  });

/** Counts the attempt against the account and the address before the password is checked. */
async function countAttempt(db: Db, keys: ReturnType<typeof counterKeys>, now: Date) {
  return db.transaction(async (tx) => {
    const counters = await lockCounters(tx, [keys.account, keys.address], now);
    const byAddress = decideAttempt("address", counters.get(keys.address), now);
    if (!byAddress.allowed) return byAddress.retryAfterMs;
    // An attempt on a locked account still counts against the address it came from.
    await saveCounter(tx, keys.address, byAddress.next);
    const byAccount = decideAttempt("account", counters.get(keys.account), now);
    if (!byAccount.allowed) return byAccount.retryAfterMs;
    await saveCounter(tx, keys.account, byAccount.next);
    return undefined;
  });
}

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
  const keys = counterKeys(username, address);
  const retryAfterMs = await countAttempt(db, keys, now);
  if (retryAfterMs !== undefined) throw tooManyAttempts(retryAfterMs);

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
  await deleteCounter(db, keys.account);
  await uncountAttempt(db, keys.address);
  await deleteStaleCounters(db, new Date(now.getTime() - dayMs));

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
