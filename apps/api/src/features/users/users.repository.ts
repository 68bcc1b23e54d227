import { and, eq } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";

export interface UserRecord {
  id: number;
  username: string;
  passwordHash: string;
  displayName: string;
  role: string;
  unitCode: string;
  departmentId: number | null;
  active: boolean;
}

export async function findUserByUsername(db: DbOrTx, username: string) {
  const rows = await db.select().from(tables.users).where(eq(tables.users.username, username));
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: number) {
  const rows = await db.select().from(tables.users).where(eq(tables.users.id, id));
  return rows[0];
}

export async function insertUser(
  db: DbOrTx,
  user: Omit<UserRecord, "id" | "active"> & { demo: boolean },
): Promise<UserRecord> {
  const rows = await db.insert(tables.users).values(user).returning();
  return rows[0] as UserRecord;
}

export async function listUsers(db: DbOrTx) {
  return db.select().from(tables.users).orderBy(tables.users.username);
}

export async function findDepartmentByCode(db: DbOrTx, code: string) {
  const rows = await db.select().from(tables.departments).where(eq(tables.departments.code, code));
  return rows[0];
}

export async function findDepartmentCriteria(db: DbOrTx, departmentId: number): Promise<string[]> {
  const rows = await db
    .select()
    .from(tables.departmentCriteria)
    .where(eq(tables.departmentCriteria.departmentId, departmentId));
  return rows.map((row) => `${row.setCode}:${row.criterionCode}`);
}

export async function insertDepartment(
  db: DbOrTx,
  department: { code: string; name: string; provinceCode: string; criteria: string[] },
) {
  const rows = await db
    .insert(tables.departments)
    .values({ code: department.code, name: department.name, provinceCode: department.provinceCode })
    .returning();
  const created = rows[0] as { id: number };
  if (department.criteria.length > 0) {
    await db.insert(tables.departmentCriteria).values(
      department.criteria.map((key) => {
        const [setCode = "", criterionCode = ""] = key.split(":");
        return { departmentId: created.id, setCode, criterionCode };
      }),
    );
  }
  return created;
}

export async function findDepartment(db: DbOrTx, id: number) {
  const rows = await db
    .select()
    .from(tables.departments)
    .where(and(eq(tables.departments.id, id)));
  return rows[0];
}
