import type { Role } from "./roles.ts";

/** A signed-in account's role, or the system itself (the command line, seeding, scheduled jobs). */
export type ActorRole = Role | "system";

export interface Actor {
  role: ActorRole;
  /** The unit the account is scoped to (province, district or commune). */
  unitCode: string;
  /** Department only: the criteria it is in charge of, as "setCode:criterionCode". */
  criteria?: readonly string[];
  /** Department only: the department's code. */
  departmentCode?: string | null;
  /** The account's id, for actions on one's own account. */
  userId?: number;
}

/** The command line and seeding act as the system: never a signed-in account. */
export const systemActor: Actor = { role: "system", unitCode: "*" };
