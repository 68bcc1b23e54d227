import { systemActor, type Actor, type Role } from "@ntm/domain";

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
  /** Department only: the department's code. */
  departmentCode?: string | null;
  /** The command line and seeding: the access policy's system actor, never a signed-in account. */
  system?: true;
  /** After an administrator's reset: nothing but changing the password is allowed. */
  mustChangePassword: boolean;
}

export function actorOf(user: AuthUser): Actor {
  if (user.system) return systemActor;
  return {
    role: user.role,
    unitCode: user.unitCode,
    criteria: user.criteria,
    departmentCode: user.departmentCode ?? null,
    userId: user.id,
  };
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
  system: true,
  mustChangePassword: false,
};
