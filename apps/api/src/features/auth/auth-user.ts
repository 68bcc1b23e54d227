import type { Actor, Role } from "@ntm/domain";

/** The signed-in user as services see it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  departmentName: string | null;
  /** Department only: "setCode:criterionCode" keys. */
  criteria: string[];
}

export function actorOf(user: AuthUser): Actor {
  return { role: user.role, unitCode: user.unitCode, criteria: user.criteria };
}

/** The identity recorded in the audit log for changes made by the command line. */
export const systemUser: AuthUser = {
  id: 0,
  username: "system",
  displayName: "Hệ thống",
  role: "province_admin",
  unitCode: "*",
  departmentName: null,
  criteria: [],
};
