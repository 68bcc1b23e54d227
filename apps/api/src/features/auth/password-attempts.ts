import type { Db } from "@ntm/db";
import { AppError } from "../../http/app-error.ts";
import {
  deleteCounter,
  deleteStaleCounters,
  lockCounters,
  saveCounter,
  uncountAttempt,
} from "./login-attempts.repository.ts";
import { counterKeys, decideAttempt } from "./login-throttle.ts";

const dayMs = 24 * 60 * 60 * 1000;

export interface PasswordAttempt {
  /** The account name typed (known or not). */
  username: string;
  /** The client's address (through a trusted proxy when one is configured). */
  address: string;
  now: Date;
}

function tooManyAttempts(retryAfterMs: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError({
    code: "RATE_LIMITED",
    vi: `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`,
    en: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  });
}

/**
 * Counts a password check against the account and the address before the password is checked,
 * or refuses it (429) while either must wait. Used by login and by changing one's password.
 */
export async function countPasswordAttempt(db: Db, attempt: PasswordAttempt) {
  const { now } = attempt;
  const keys = counterKeys(attempt.username, attempt.address);
  const retryAfterMs = await db.transaction(async (tx) => {
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
  if (retryAfterMs !== undefined) throw tooManyAttempts(retryAfterMs);
}

/** The password was right: the account starts afresh and the address gets its attempt back. */
export async function takeBackPasswordAttempt(db: Db, attempt: PasswordAttempt) {
  const keys = counterKeys(attempt.username, attempt.address);
  await deleteCounter(db, keys.account);
  await uncountAttempt(db, keys.address);
  await deleteStaleCounters(db, new Date(attempt.now.getTime() - dayMs));
}
