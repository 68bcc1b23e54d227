import { decide, type Actor, type Decision, type UnitResource } from "../access/policy.ts";
import type { Role } from "../access/roles.ts";

/** Targets are set by the leaders of a level: the province and, until 7/2025, the district. */
const targetSetters: ReadonlySet<Role> = new Set([
  "province_admin",
  "coordination_office",
  "district",
]);

/** Plans are made by the commune and by the levels that direct it; departments only read them. */
const planWriters: ReadonlySet<Role> = new Set([
  "province_admin",
  "coordination_office",
  "district",
  "commune_officer",
]);

export function decideTargetWrite(actor: Actor, unit: UnitResource): Decision {
  const base = decide(actor, "unit.read", unit);
  if (!base.allowed) return base;
  return targetSetters.has(actor.role)
    ? { allowed: true, reason: "Được đặt mục tiêu cho đơn vị thuộc phạm vi." }
    : { allowed: false, reason: "Chỉ tỉnh, văn phòng điều phối và huyện được đặt mục tiêu." };
}

export function decidePlanWrite(actor: Actor, unit: UnitResource): Decision {
  const base = decide(actor, "unit.read", unit);
  if (!base.allowed) return base;
  return planWriters.has(actor.role)
    ? { allowed: true, reason: "Được lập kế hoạch cho xã thuộc phạm vi." }
    : { allowed: false, reason: "Tài khoản này chỉ được xem kế hoạch." };
}
