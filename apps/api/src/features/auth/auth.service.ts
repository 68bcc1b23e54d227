import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@ntm/domain";
import type { Db } from "@ntm/db";
import { AppError } from "../../http/app-error.ts";
import {
  findDepartment,
  findDepartmentCriteria,
  findUserById,
  findUserByUsername,
} from "../users/users.repository.ts";
import type { AuthUser } from "./auth-user.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
} from "./auth.repository.ts";
import { hashPassword, verifyPassword } from "./password.ts";

const sessionLifetimeMs = 12 * 60 * 60 * 1000;

let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}

function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function toAuthUser(db: Db, user: NonNullable<Awaited<ReturnType<typeof findUserById>>>) {
  const department = user.departmentId ? await findDepartment(db, user.departmentId) : undefined;
  const criteria = user.departmentId ? await findDepartmentCriteria(db, user.departmentId) : [];
  const authUser: AuthUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    unitCode: user.unitCode,
    departmentName: department?.name ?? null,
    criteria,
  };
  return authUser;
}

/** Checks the password and opens a session; the same message for unknown user and wrong password. */
export async function login(db: Db, input: { username: string; password: string; now: Date }) {
  const user = await findUserByUsername(db, input.username.toLowerCase());
  // Verify against a fixed hash for unknown users too, so timing does not reveal which exist.
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await decoyHash()),
    input.password,
  );
  const ok = user && user.active && passwordOk;
  if (!user || !ok) {
    throw new AppError({
      code: "INVALID_CREDENTIALS",
      vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
      en: "Wrong username or password.",
    });
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + sessionLifetimeMs);
  await deleteExpiredSessions(db, input.now);
  await insertSession(db, { id: sessionId(token), userId: user.id, expiresAt });
  return { token, expiresAt, user: await toAuthUser(db, user) };
}

export async function logout(db: Db, token: string) {
  await deleteSession(db, sessionId(token));
}

/** The user behind a session cookie, or null when the session is unknown or expired. */
export async function userForSession(db: Db, token: string, now: Date): Promise<AuthUser | null> {
  const session = await findSession(db, sessionId(token));
  if (!session || session.expiresAt < now) return null;
  const user = await findUserById(db, session.userId);
  if (!user || !user.active) return null;
  return toAuthUser(db, user);
}
