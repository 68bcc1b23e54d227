import type { Role } from "./roles.ts";

export interface Actor {
  role: Role;
  /** The unit the account is scoped to (province, district or commune). */
  unitCode: string;
  /** For a department: the criteria it is in charge of, as "setCode:criterionCode". */
  criteria?: string[];
}

export interface UnitResource {
  unitCode: string;
  /** Codes of the unit and all its ancestors, the unit first. */
  path: string[];
}

export type Action =
  | "unit.read"
  | "assessment.write"
  | "catalog.manage"
  | "users.manage"
  | "audit.read"
  /** Act on a recognition or revocation dossier step; which step is the regime's rule. */
  | "dossier.act";

export interface Decision {
  allowed: boolean;
  /** Why, in Vietnamese; shown to the user on a denial. */
  reason: string;
}

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

const writers: ReadonlySet<Role> = new Set([
  "province_admin",
  "coordination_office",
  "department",
  "district",
  "commune_officer",
]);

/** Whether a unit lies inside the actor's scope (the scope unit itself or below it). */
export function isInScope(actor: Actor, unit: UnitResource): boolean {
  return unit.path.includes(actor.unitCode);
}

/** Decides whether an actor may perform an action on a unit. */
export function decide(actor: Actor, action: Action, unit?: UnitResource): Decision {
  if (action === "catalog.manage" || action === "users.manage") {
    return actor.role === "province_admin"
      ? allow("Quản trị tỉnh được quản lý danh mục và tài khoản.")
      : deny("Chỉ quản trị tỉnh được thực hiện thao tác này.");
  }
  if (!unit) return deny("Thiếu đơn vị hành chính.");
  if (!isInScope(actor, unit)) {
    return deny("Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.");
  }
  if (action === "unit.read" || action === "audit.read") {
    return allow("Đơn vị thuộc phạm vi được giao.");
  }
  if (action === "dossier.act") {
    return writers.has(actor.role) || actor.role === "fatherland_front"
      ? allow("Được thực hiện bước hồ sơ của đơn vị thuộc phạm vi.")
      : deny("Tài khoản chỉ có quyền xem.");
  }
  // The Fatherland Front comments and surveys residents; it never changes indicator values.
  if (actor.role === "fatherland_front") {
    return deny("Mặt trận Tổ quốc góp ý và lấy ý kiến người dân, không cập nhật số liệu.");
  }
  if (!writers.has(actor.role)) return deny("Tài khoản chỉ có quyền xem.");
  return allow("Được cập nhật số liệu của đơn vị thuộc phạm vi.");
}

/**
 * Decides whether an actor may change a value of one criterion for a unit.
 * A department may change only the criteria assigned to it.
 */
export function decideCriterionWrite(
  actor: Actor,
  unit: UnitResource,
  criterion: { setCode: string; criterionCode: string },
): Decision {
  const base = decide(actor, "assessment.write", unit);
  if (!base.allowed || actor.role !== "department") return base;
  const key = `${criterion.setCode}:${criterion.criterionCode}`;
  return actor.criteria?.includes(key)
    ? allow("Tiêu chí do sở, ngành phụ trách.")
    : deny(`Tiêu chí ${criterion.criterionCode} không thuộc sở, ngành của bạn phụ trách.`);
}
