import { describe, expect, it } from "vitest";
import {
  decide,
  decideCriterionWrite,
  isInScope,
  type Action,
  type Actor,
  type UnitResource,
} from "./policy.ts";
import { roles, type Role } from "./roles.ts";

// Kon Tum (62): Đăk Glei (610) with xã Đăk Pek; Tu Mơ Rông (611) with xã Đăk Hà. Lai Châu (12) elsewhere.
const dakPek: UnitResource = { unitCode: "23284", path: ["23284", "610", "62"] };
const dakHa: UnitResource = { unitCode: "23350", path: ["23350", "611", "62"] };
const otherProvince: UnitResource = { unitCode: "03400", path: ["03400", "105", "12"] };
const dakGlei: UnitResource = { unitCode: "610", path: ["610", "62"] };
const konTum: UnitResource = { unitCode: "62", path: ["62"] };

const setCode = "vn-commune-2021-2025";

const actors: Record<Role, Actor> = {
  province_admin: { role: "province_admin", unitCode: "62" },
  coordination_office: { role: "coordination_office", unitCode: "62" },
  department: { role: "department", unitCode: "62", criteria: [`${setCode}:2`, `${setCode}:9`] },
  district: { role: "district", unitCode: "610" },
  commune_officer: { role: "commune_officer", unitCode: "23284" },
  fatherland_front: { role: "fatherland_front", unitCode: "23284" },
  viewer: { role: "viewer", unitCode: "62" },
};

const units = { dakPek, dakHa, otherProvince } as const;
type UnitName = keyof typeof units;

const outOfScope = "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.";

interface AccessRow {
  role: Role;
  unit: UnitName;
  action: Action;
  allowed: boolean;
  reason: string;
}

// For each role: [read, write] on xã Đăk Pek (in Đăk Glei), xã Đăk Hà (in Tu Mơ Rông), a commune of Lai Châu.
const matrix: Record<Role, Record<UnitName, [read: boolean, write: boolean]>> = {
  province_admin: { dakPek: [true, true], dakHa: [true, true], otherProvince: [false, false] },
  coordination_office: { dakPek: [true, true], dakHa: [true, true], otherProvince: [false, false] },
  department: { dakPek: [true, true], dakHa: [true, true], otherProvince: [false, false] },
  district: { dakPek: [true, true], dakHa: [false, false], otherProvince: [false, false] },
  commune_officer: { dakPek: [true, true], dakHa: [false, false], otherProvince: [false, false] },
  fatherland_front: { dakPek: [true, false], dakHa: [false, false], otherProvince: [false, false] },
  viewer: { dakPek: [true, false], dakHa: [true, false], otherProvince: [false, false] },
};

const frontNoValues = "Mặt trận Tổ quốc góp ý và lấy ý kiến người dân, không cập nhật số liệu.";

function reasonFor(role: Role, inScope: boolean, action: Action, allowed: boolean): string {
  if (!inScope) return outOfScope;
  if (action !== "assessment.write") return "Đơn vị thuộc phạm vi được giao.";
  if (role === "fatherland_front") return frontNoValues;
  return allowed
    ? "Được cập nhật số liệu của đơn vị thuộc phạm vi."
    : "Tài khoản chỉ có quyền xem.";
}

const accessRows: AccessRow[] = roles.flatMap((role) =>
  (Object.keys(units) as UnitName[]).flatMap((unit) =>
    (["unit.read", "audit.read", "assessment.write"] as const).map((action) => {
      const [read, write] = matrix[role][unit];
      const allowed = action === "assessment.write" ? write : read;
      // Every role reads exactly what lies in its scope.
      return { role, unit, action, allowed, reason: reasonFor(role, read, action, allowed) };
    }),
  ),
);

describe("access policy: role × scope × read/write", () => {
  it("covers every role, three units and three actions", () => {
    expect(accessRows).toHaveLength(roles.length * 3 * 3);
  });

  it.each(accessRows)(
    "$role $action on $unit → $allowed",
    ({ role, unit, action, allowed, reason }) => {
      expect(decide(actors[role], action, units[unit])).toEqual({ allowed, reason });
    },
  );

  it("denies every action but catalog and user management without a unit", () => {
    for (const role of roles) {
      expect(decide(actors[role], "unit.read")).toEqual({
        allowed: false,
        reason: "Thiếu đơn vị hành chính.",
      });
    }
  });
});

describe("acting on a dossier step", () => {
  // The regime decides which role acts on which step; the policy only says who may act at all.
  const actingRoles: ReadonlySet<Role> = new Set<Role>([
    "province_admin",
    "coordination_office",
    "department",
    "district",
    "commune_officer",
    "fatherland_front",
  ]);
  const rows = roles.flatMap((role) =>
    (Object.keys(units) as UnitName[]).map((unit) => {
      const inScope = matrix[role][unit][0];
      const allowed = inScope && actingRoles.has(role);
      return {
        role,
        unit,
        allowed,
        reason: !inScope
          ? outOfScope
          : allowed
            ? "Được thực hiện bước hồ sơ của đơn vị thuộc phạm vi."
            : "Tài khoản chỉ có quyền xem.",
      };
    }),
  );

  it.each(rows)("$role dossier.act on $unit → $allowed", ({ role, unit, allowed, reason }) => {
    expect(decide(actors[role], "dossier.act", units[unit])).toEqual({ allowed, reason });
  });

  it("the Front acts on its commune's dossier but writes no value there", () => {
    expect(decide(actors.fatherland_front, "dossier.act", dakPek).allowed).toBe(true);
    expect(decide(actors.fatherland_front, "assessment.write", dakPek)).toEqual({
      allowed: false,
      reason: frontNoValues,
    });
    expect(
      decideCriterionWrite(actors.fatherland_front, dakPek, { setCode, criterionCode: "17" }),
    ).toEqual({ allowed: false, reason: frontNoValues });
  });
});

describe("isInScope", () => {
  interface ScopeRow {
    role: Role;
    unit: UnitResource;
    label: string;
    inScope: boolean;
  }

  it.each<ScopeRow>([
    { role: "province_admin", unit: konTum, label: "its own province", inScope: true },
    { role: "district", unit: dakGlei, label: "its own district", inScope: true },
    { role: "district", unit: konTum, label: "the province above it", inScope: false },
    { role: "commune_officer", unit: dakPek, label: "its own commune", inScope: true },
    { role: "commune_officer", unit: dakGlei, label: "the district above it", inScope: false },
    { role: "commune_officer", unit: dakHa, label: "another commune", inScope: false },
    { role: "fatherland_front", unit: dakPek, label: "its own commune", inScope: true },
    { role: "fatherland_front", unit: dakGlei, label: "the district above it", inScope: false },
    { role: "department", unit: otherProvince, label: "another province", inScope: false },
  ])("$role sees $label: $inScope", ({ role, unit, inScope }) => {
    expect(isInScope(actors[role], unit)).toBe(inScope);
  });
});

describe("catalog and user management", () => {
  interface ManageRow {
    role: Role;
    action: Action;
    allowed: boolean;
  }

  const manageRows: ManageRow[] = roles.flatMap((role) =>
    (["catalog.manage", "users.manage"] as const).map((action) => ({
      role,
      action,
      allowed: role === "province_admin",
    })),
  );

  it.each(manageRows)("$role $action → $allowed", ({ role, action, allowed }) => {
    const decision = decide(actors[role], action);
    expect(decision.allowed).toBe(allowed);
    expect(decision.reason).toBe(
      allowed
        ? "Quản trị tỉnh được quản lý danh mục và tài khoản."
        : "Chỉ quản trị tỉnh được thực hiện thao tác này.",
    );
    // The unit does not widen the right.
    expect(decide(actors[role], action, dakPek).allowed).toBe(allowed);
  });

  it("a province admin of another province still manages only through this rule", () => {
    const admin: Actor = { role: "province_admin", unitCode: "12" };
    expect(decide(admin, "unit.read", dakPek).allowed).toBe(false);
    expect(decide(admin, "assessment.write", dakPek).allowed).toBe(false);
  });
});

describe("writing one criterion", () => {
  interface CriterionRow {
    label: string;
    actor: Actor;
    unit: UnitResource;
    criterion: { setCode: string; criterionCode: string };
    allowed: boolean;
    reason: string;
  }

  it.each<CriterionRow>([
    {
      label: "a department writes its own criterion in any commune of its province",
      actor: actors.department,
      unit: dakHa,
      criterion: { setCode, criterionCode: "9" },
      allowed: true,
      reason: "Tiêu chí do sở, ngành phụ trách.",
    },
    {
      label: "a department cannot write another department's criterion",
      actor: actors.department,
      unit: dakPek,
      criterion: { setCode, criterionCode: "10" },
      allowed: false,
      reason: "Tiêu chí 10 không thuộc sở, ngành của bạn phụ trách.",
    },
    {
      label: "a department's assignment is per criteria set",
      actor: actors.department,
      unit: dakPek,
      criterion: { setCode: "vn-commune-2026-2030", criterionCode: "2" },
      allowed: false,
      reason: "Tiêu chí 2 không thuộc sở, ngành của bạn phụ trách.",
    },
    {
      label: "a department without assigned criteria writes nothing",
      actor: { role: "department", unitCode: "62" },
      unit: dakPek,
      criterion: { setCode, criterionCode: "2" },
      allowed: false,
      reason: "Tiêu chí 2 không thuộc sở, ngành của bạn phụ trách.",
    },
    {
      label: "a department cannot write its criterion outside its province",
      actor: actors.department,
      unit: otherProvince,
      criterion: { setCode, criterionCode: "2" },
      allowed: false,
      reason: outOfScope,
    },
    {
      label: "a commune officer writes any criterion of its commune",
      actor: actors.commune_officer,
      unit: dakPek,
      criterion: { setCode, criterionCode: "10" },
      allowed: true,
      reason: "Được cập nhật số liệu của đơn vị thuộc phạm vi.",
    },
    {
      label: "a commune officer cannot write another commune",
      actor: actors.commune_officer,
      unit: dakHa,
      criterion: { setCode, criterionCode: "10" },
      allowed: false,
      reason: outOfScope,
    },
    {
      label: "a district writes any criterion of its communes",
      actor: actors.district,
      unit: dakPek,
      criterion: { setCode, criterionCode: "17" },
      allowed: true,
      reason: "Được cập nhật số liệu của đơn vị thuộc phạm vi.",
    },
    {
      label: "a viewer writes nothing",
      actor: actors.viewer,
      unit: dakPek,
      criterion: { setCode, criterionCode: "2" },
      allowed: false,
      reason: "Tài khoản chỉ có quyền xem.",
    },
  ])("$label", ({ actor, unit, criterion, allowed, reason }) => {
    expect(decideCriterionWrite(actor, unit, criterion)).toEqual({ allowed, reason });
  });
});
