import type { Db, DbOrTx } from "@ntm/db";
import type { AccountResource, Role } from "@ntm/domain";
import type { CreateUserInput } from "@ntm/contracts";
import { AppError, invalid } from "../../http/app-error.ts";
import { allows, assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { hashPassword } from "../auth/index.ts";
import { assertPasswordAllowed } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { findLatestUnit } from "../units/index.ts";
import { findUnitResource } from "../units/index.ts";
import {
  findDepartmentByCode,
  findUserByUsername,
  insertUser,
  listUsers,
} from "./users.repository.ts";

/** Accounts are scoped to a unit as the hierarchy stands now (its latest version). */
const latest = "9999-12-31";

/** The account's unit as the access policy sees it, with the role it has or will have. */
async function accountResource(db: DbOrTx, unitCode: string, role: Role): Promise<AccountResource> {
  const { resource } = await findUnitResource(db, unitCode, latest);
  return { ...resource, role };
}

/** Before any lookup: may the account manage accounts at all (in its own unit)? */
function ownUnit(by: AuthUser, role: Role): AccountResource {
  return { unitCode: by.unitCode, path: [by.unitCode], role };
}

/**
 * Creates an account: a province admin only inside its own province and never above its own
 * unit; the command line as the system.
 */
export async function createUser(
  db: Db,
  options: {
    input: CreateUserInput;
    by: AuthUser;
    /** A demo account: its password is published, and it is refused when demo logins are off. */
    demo?: boolean;
  },
) {
  const { input, by } = options;
  if (!options.demo) assertPasswordAllowed(input.password, input.username);
  assertCan(by, "user.create", ownUnit(by, input.role));
  return db.transaction(async (tx) => {
    const unit = await findLatestUnit(tx, input.unitCode);
    if (!unit) {
      throw invalid(`Không có đơn vị mã ${input.unitCode}.`, `No unit ${input.unitCode}.`);
    }
    const account = await accountResource(tx, unit.code, input.role);
    assertCan(by, "user.create", account);
    if (await findUserByUsername(tx, input.username)) {
      throw new AppError({
        code: "CONFLICT",
        vi: `Tên đăng nhập ${input.username} đã tồn tại.`,
        en: `Username ${input.username} already exists.`,
      });
    }
    let departmentId: number | null = null;
    if (input.role === "department") {
      const department = input.departmentCode
        ? await findDepartmentByCode(tx, input.departmentCode)
        : undefined;
      if (!department) {
        throw invalid(
          "Tài khoản sở, ngành cần mã sở, ngành hợp lệ (--department).",
          "A department account needs a valid department code.",
        );
      }
      if (!account.path.includes(department.provinceCode)) {
        throw invalid(
          `Sở, ngành ${department.code} không thuộc tỉnh của đơn vị ${unit.code}.`,
          `Department ${department.code} belongs to another province.`,
        );
      }
      departmentId = department.id;
    }
    const created = await insertUser(tx, {
      username: input.username,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName ?? input.username,
      role: input.role,
      unitCode: input.unitCode,
      departmentId,
      demo: options.demo ?? false,
    });
    await recordAudit(tx, {
      kind: "user.created",
      by,
      key: created.username,
      unitCode: input.unitCode,
      new: { username: created.username, role: created.role, unitCode: created.unitCode },
    });
    return {
      id: created.id,
      username: created.username,
      role: created.role,
      unitCode: created.unitCode,
    };
  });
}

/** The accounts the user may manage: those of its own unit and the units below it. */
export async function getUsers(db: Db, by: AuthUser) {
  assertCan(by, "user.read", ownUnit(by, "viewer"));
  const paths = new Map<string, readonly string[]>();
  const visible = [];
  for (const user of await listUsers(db)) {
    if (!paths.has(user.unitCode)) {
      const found = await findUnitResource(db, user.unitCode, latest).catch(() => null);
      paths.set(user.unitCode, found?.resource.path ?? [user.unitCode]);
    }
    const path = paths.get(user.unitCode) ?? [];
    const resource = { unitCode: user.unitCode, path, role: user.role as Role };
    if (allows(by, "user.read", resource)) visible.push(user);
  }
  return visible.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitCode: user.unitCode,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    demo: user.demo,
  }));
}
