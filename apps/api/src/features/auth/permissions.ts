import type { Permissions } from "@ntm/contracts";
import { can, type UnitResource } from "@ntm/domain";
import { actorOf, type AuthUser } from "./auth-user.ts";

/**
 * The access policy's answer, for the user's own unit, to each action a client shows a control
 * for: the same `can` that refuses the request later, so no control leads to a refusal.
 */
export function permissionsOf(
  user: AuthUser,
  own: { unit: UnitResource; provinceCode: string | null },
): Permissions {
  const actor = actorOf(user);
  const { unit } = own;
  return {
    "assessment.write": can(actor, "assessment.write", unit).allowed,
    "values.import": can(actor, "values.import").allowed,
    "obstacle.raise": can(actor, "obstacle.raise", unit).allowed,
    "dossier.batch.create": can(actor, "dossier.batch.create", unit).allowed,
    "dossier.overdue.read": can(actor, "dossier.overdue.read").allowed,
    "merger.decide": can(actor, "merger.decide", unit).allowed,
    "report_type.create": can(actor, "report_type.create", unit).allowed,
    "report.period.open": can(actor, "report.period.open", unit).allowed,
    "report.consolidate": can(actor, "report.consolidate", unit).allowed,
    "target.write": can(actor, "target.write", unit).allowed,
    "plan.write": can(actor, "plan.write", unit).allowed,
    "user.create": can(actor, "user.create", { ...unit, role: "viewer" }).allowed,
    "catalog.import":
      own.provinceCode !== null &&
      can(actor, "catalog.import", { provinceCode: own.provinceCode }).allowed,
    "regime.import": can(actor, "regime.import").allowed,
    "job.read": can(actor, "job.read", unit).allowed,
    "job.start": can(actor, "job.start", unit).allowed,
    "feedback.read": can(actor, "feedback.read", unit).allowed,
    "publication.set":
      own.provinceCode !== null &&
      can(actor, "publication.set", { provinceCode: own.provinceCode }).allowed,
  };
}
