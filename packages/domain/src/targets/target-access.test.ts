import { describe, expect, it } from "vitest";
import type { Role } from "../access/roles.ts";
import { decidePlanWrite, decideTargetWrite } from "./target-access.ts";

const commune = { unitCode: "23284", path: ["23284", "610", "62"] };
const otherDistrict = { unitCode: "23350", path: ["23350", "611", "62"] };

const rows: [Role, string, boolean, boolean][] = [
  ["province_admin", "62", true, true],
  ["coordination_office", "62", true, true],
  ["district", "610", true, true],
  ["commune_officer", "23284", false, true],
  ["department", "62", false, false],
  ["viewer", "62", false, false],
];

describe("who sets targets and writes plans", () => {
  it.each(rows)("%s: target %s, plan %s", (role, unitCode, target, plan) => {
    const actor = { role, unitCode };
    expect(decideTargetWrite(actor, commune).allowed).toBe(target);
    expect(decidePlanWrite(actor, commune).allowed).toBe(plan);
  });

  it("a district outside its scope is told why", () => {
    expect(decidePlanWrite({ role: "district", unitCode: "610" }, otherDistrict)).toEqual({
      allowed: false,
      reason: "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.",
    });
  });
});
