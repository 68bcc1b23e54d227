import type { Db } from "@ntm/db";
import { decide } from "@ntm/domain";
import type { CreateUserInput } from "@ntm/contracts";
import { AppError, forbidden, invalid } from "../../http/app-error.ts";
import { actorOf, type AuthUser } from "../auth/auth-user.ts";
import { hashPassword } from "../auth/password.ts";
import { assertPasswordAllowed } from "../auth/password-rules.ts";
import { recordAudit } from "../../shared/audit.ts";
import { findLatestUnit } from "../units/units.repository.ts";
import {
  findDepartmentByCode,
  findUserByUsername,
  insertUser,
  listUsers,
} from "./users.repository.ts";

/** Creates an account; the CLI passes the system user, the API checks the caller is an admin. */
export async function createUser(
  db: Db,
  options: {
    input: CreateUserInput;
    by: AuthUser;
    checkAccess: boolean;
    /** A demo account: its password is published, and it is refused when demo logins are off. */
    demo?: boolean;
  },
) {
  const { input, by } = options;
  if (!options.demo) assertPasswordAllowed(input.password, input.username);
  if (options.checkAccess && !decide(actorOf(by), "users.manage").allowed) {
    throw forbidden("Chỉ quản trị tỉnh được tạo tài khoản.");
  }
  return db.transaction(async (tx) => {
    const unit = await findLatestUnit(tx, input.unitCode);
    if (!unit) {
      throw invalid(`Không có đơn vị mã ${input.unitCode}.`, `No unit ${input.unitCode}.`);
    }
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

export async function getUsers(db: Db, by: AuthUser) {
  if (!decide(actorOf(by), "users.manage").allowed) {
    throw forbidden("Chỉ quản trị tỉnh được xem danh sách tài khoản.");
  }
  return (await listUsers(db)).map((user) => ({
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
