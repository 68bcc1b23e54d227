import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@ntm/domain";
import type { DbOrTx } from "@ntm/db";
import type { Config } from "../../shared/config.ts";
import type { AuthUser } from "./auth-user.ts";
import {
  deleteEndedSessions,
  deleteSession,
  findAccountDepartment,
  findSessionWithAccount,
  insertSession,
  touchSession,
  type Account,
} from "./auth.repository.ts";

export type SessionLimits = Config["session"];

const minuteMs = 60_000;
// Recording every request's time would write on every read; a minute's precision is enough
// (half the idle timeout when that is shorter).
const touchAfterMs = (limits: SessionLimits) =>
  Math.min(minuteMs, (limits.idleMinutes * minuteMs) / 2);

/** Sessions are stored by the SHA-256 of their token, so a database leak opens no session. */
export function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type Department = { code: string | null; name: string | null; criteria: string[] };
const noDepartment: Department = { code: null, name: null, criteria: [] };

export async function toAuthUser(db: DbOrTx, account: Account): Promise<AuthUser> {
  const department = account.departmentId
    ? await findAccountDepartment(db, account.departmentId)
    : noDepartment;
  return authUserOf(account, department);
}

type AccountFields = Pick<
  Account,
  "id" | "username" | "displayName" | "role" | "unitCode" | "mustChangePassword"
>;

function authUserOf(account: AccountFields, department: Department): AuthUser {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role as Role,
    unitCode: account.unitCode,
    departmentName: department.name,
    departmentCode: department.code,
    criteria: department.criteria,
    mustChangePassword: account.mustChangePassword,
  };
}

export async function openSession(
  db: DbOrTx,
  input: { userId: number; now: Date; limits: SessionLimits },
) {
  const { now, limits } = input;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + limits.maxHours * 60 * minuteMs);
  await deleteEndedSessions(db, now, new Date(now.getTime() - limits.idleMinutes * minuteMs));
  await insertSession(db, {
    id: sessionId(token),
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/**
 * The user behind a session token, or null when the session is unknown, past its absolute
 * lifetime, idle for longer than the idle timeout, or its account is disabled.
 */
export async function userForSession(
  db: DbOrTx,
  input: { token: string; now: Date; limits: SessionLimits },
): Promise<AuthUser | null> {
  return (await sessionWithGeneration(db, input)).user;
}

/**
 * `userForSession`, and with `scopes` the generation of the kept answers made of them, read in the
 * session's own statement (ADR 0029). The session is read on every request, never kept: an ended
 * or revoked session is refused at once.
 */
export async function sessionWithGeneration(
  db: DbOrTx,
  input: {
    token: string;
    now: Date;
    limits: SessionLimits;
    scopes?: readonly string[] | undefined;
  },
): Promise<{ user: AuthUser | null; generation?: string }> {
  const { now, limits } = input;
  const id = sessionId(input.token);
  // The session, its account and department in one statement: every signed-in request runs it.
  const found = await findSessionWithAccount(db, id, input.scopes);
  if (!found) return { user: null };
  const idleMs = now.getTime() - found.lastSeenMs;
  if (found.expiresMs <= now.getTime() || idleMs >= limits.idleMinutes * minuteMs) {
    await deleteSession(db, id);
    return { user: null };
  }
  if (found.id === null || !found.active) return { user: null };
  if (idleMs >= touchAfterMs(limits)) await touchSession(db, id, now);
  const department = found.departmentId
    ? { code: found.departmentCode, name: found.departmentName, criteria: found.criteria }
    : noDepartment;
  const user = authUserOf({ ...found, id: found.id }, department);
  return found.generation === null ? { user } : { user, generation: found.generation };
}

export async function endSession(db: DbOrTx, token: string) {
  await deleteSession(db, sessionId(token));
}
