import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import { sqlArray, tables, type DbOrTx } from "@ntm/db";
import { answerGeneration } from "../../shared/answer-cache.repository.ts";

const sessions = tables.sessions;
const criteriaOfDepartment = tables.departmentCriteria;

export async function insertSession(
  db: DbOrTx,
  session: { id: string; userId: number; createdAt: Date; lastSeenAt: Date; expiresAt: Date },
) {
  await db.insert(sessions).values(session);
}

/**
 * A session, its account (null when the account is gone) and the account's department with its
 * criteria as "setCode:criterionCode", in one statement. With `scopes`, the same statement carries
 * the generation of the kept answers made of them (ADR 0029), so a kept answer costs one round trip.
 */
export async function findSessionWithAccount(
  db: DbOrTx,
  id: string,
  scopes?: readonly string[] | undefined,
) {
  const rows = await db
    .select({
      session: sessions,
      account: tables.users,
      departmentCode: tables.departments.code,
      departmentName: tables.departments.name,
      criteria: sql<
        string[]
      >`array(select ${criteriaOfDepartment.setCode} || ':' || ${criteriaOfDepartment.criterionCode}
        from ${criteriaOfDepartment} where ${criteriaOfDepartment.departmentId} = ${tables.users.departmentId})`,
      generation: scopes
        ? sql<string>`${answerGeneration(sqlArray(scopes, "text"))}`
        : sql<null>`null`,
    })
    .from(sessions)
    .leftJoin(tables.users, eq(tables.users.id, sessions.userId))
    .leftJoin(tables.departments, eq(tables.departments.id, tables.users.departmentId))
    .where(eq(sessions.id, id));
  return rows[0];
}

export async function touchSession(db: DbOrTx, id: string, lastSeenAt: Date) {
  await db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user, or every one but the session given. */
export async function deleteUserSessions(db: DbOrTx, userId: number, except?: string) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? ne(sessions.id, except) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteEndedSessions(db: DbOrTx, expiredBefore: Date, idleBefore: Date) {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, expiredBefore), lt(sessions.lastSeenAt, idleBefore)));
}

export async function findAccountByUsername(db: DbOrTx, username: string) {
  const rows = await db.select().from(tables.users).where(eq(tables.users.username, username));
  return rows[0];
}

export async function findAccountById(db: DbOrTx, id: number) {
  const rows = await db.select().from(tables.users).where(eq(tables.users.id, id));
  return rows[0];
}

export type Account = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

/** The department of a department account: its name and its criteria as "setCode:criterionCode". */
export async function findAccountDepartment(db: DbOrTx, departmentId: number) {
  const departments = await db
    .select({ code: tables.departments.code, name: tables.departments.name })
    .from(tables.departments)
    .where(eq(tables.departments.id, departmentId));
  const criteria = await db
    .select()
    .from(tables.departmentCriteria)
    .where(eq(tables.departmentCriteria.departmentId, departmentId));
  return {
    code: departments[0]?.code ?? null,
    name: departments[0]?.name ?? null,
    criteria: criteria.map((row) => `${row.setCode}:${row.criterionCode}`),
  };
}

export async function updateAccount(
  db: DbOrTx,
  id: number,
  change: Partial<{ passwordHash: string; mustChangePassword: boolean; active: boolean }>,
) {
  await db.update(tables.users).set(change).where(eq(tables.users.id, id));
}
