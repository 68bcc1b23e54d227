import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import { queryRowsNamed, sqlArray, tables, type DbOrTx } from "@ntm/db";
import { answerGeneration } from "../../shared/answer-cache.repository.ts";

const sessions = tables.sessions;

export async function insertSession(
  db: DbOrTx,
  session: { id: string; userId: number; createdAt: Date; lastSeenAt: Date; expiresAt: Date },
) {
  await db.insert(sessions).values(session);
}

/** What every signed-in request reads of its session, account and department. */
export interface SessionRow {
  /** The session's absolute end and last activity, in milliseconds since the epoch. */
  expiresMs: number;
  lastSeenMs: number;
  /** The account's columns, null when the account is gone. */
  id: number | null;
  username: string;
  displayName: string;
  role: string;
  unitCode: string;
  departmentId: number | null;
  active: boolean;
  mustChangePassword: boolean;
  departmentCode: string | null;
  departmentName: string | null;
  /** The department's criteria as "setCode:criterionCode". */
  criteria: string[];
  /** The generation of the scopes asked, else null. */
  generation: string | null;
}

/**
 * A session, its account and the account's department with its criteria, in one statement. With
 * `scopes`, the same statement carries the generation of the kept answers made of them (ADR
 * 0029), so a kept answer costs one round trip. Written as text, not built by the query builder:
 * every request runs it, and building a select of two whole tables cost more CPU than the rest
 * of a kept answer's work in the server.
 */
export async function findSessionWithAccount(
  db: DbOrTx,
  id: string,
  scopes?: readonly string[] | undefined,
): Promise<SessionRow | undefined> {
  const generation = scopes ? answerGeneration(sqlArray(scopes, "text")) : sql`null`;
  // Named, so that a PostgreSQL server plans it once per connection, not on every request.
  const rows = await queryRowsNamed<SessionRow>(
    db,
    scopes ? "ntm_session_generation" : "ntm_session",
    sql`select (extract(epoch from s.expires_at) * 1000)::float8 as "expiresMs",
        (extract(epoch from s.last_seen_at) * 1000)::float8 as "lastSeenMs",
        u.id, u.username, u.display_name as "displayName", u.role, u.unit_code as "unitCode",
        u.department_id as "departmentId", u.active, u.must_change_password as "mustChangePassword",
        d.code as "departmentCode", d.name as "departmentName",
        array(select c.set_code || ':' || c.criterion_code from "department_criteria" c
          where c.department_id = u.department_id) as criteria,
        ${generation} as generation
      from "sessions" s left join "users" u on u.id = s.user_id
        left join "departments" d on d.id = u.department_id
      where s.id = ${id}`,
  );
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
