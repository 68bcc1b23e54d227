import { describe, expect, it } from "vitest";
import { systemActor, type Actor } from "./actor.ts";
import type { DecisionCode } from "./decision.ts";
import {
  actions,
  can,
  isInScope,
  policy,
  type Action,
  type ResourceArgs,
  type UnitAction,
} from "./policy.ts";
import type { StepRef, UnitResource } from "./resources.ts";
import { roles, type Role } from "./roles.ts";

// Kon Tum (62): Đăk Glei (610) with xã Đăk Pek; Tu Mơ Rông (611) with xã Đăk Hà. Lai Châu (12) elsewhere.
const dakPek: UnitResource = { unitCode: "23284", path: ["23284", "610", "62"] };
const dakHa: UnitResource = { unitCode: "23350", path: ["23350", "611", "62"] };
const otherProvince: UnitResource = { unitCode: "03400", path: ["03400", "105", "12"] };
const dakGlei: UnitResource = { unitCode: "610", path: ["610", "62"] };
const konTum: UnitResource = { unitCode: "62", path: ["62"] };
const laiChau: UnitResource = { unitCode: "12", path: ["12"] };

const setCode = "vn-commune-2021-2025";

const actors: Record<Role, Actor> = {
  national_admin: { role: "national_admin", unitCode: "51", userId: 8 },
  province_admin: { role: "province_admin", unitCode: "62", userId: 1 },
  coordination_office: { role: "coordination_office", unitCode: "62", userId: 2 },
  department: {
    role: "department",
    unitCode: "62",
    criteria: [`${setCode}:2`, `${setCode}:9`],
    departmentCode: "so-xd",
    userId: 3,
  },
  district: { role: "district", unitCode: "610", userId: 4 },
  commune_officer: { role: "commune_officer", unitCode: "23284", userId: 5 },
  fatherland_front: { role: "fatherland_front", unitCode: "23284", userId: 6 },
  viewer: { role: "viewer", unitCode: "62", userId: 7 },
};

const outOfScope = "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.";

/** One expectation: the actor, the action with its resource, and the outcome. */
interface Row {
  label: string;
  actor: Actor;
  decision: () => ReturnType<typeof can>;
  allowed: boolean;
  code?: DecisionCode;
  reason?: string;
}

function row<A extends Action>(
  label: string,
  actor: Actor,
  action: A,
  args: ResourceArgs<A>,
  expected: { allowed: boolean; code?: DecisionCode; reason?: string },
): Row {
  return { label, actor, decision: () => can(actor, action, ...args), ...expected };
}

function check({ decision, allowed, code, reason }: Row) {
  const result = decision();
  expect(result.allowed).toBe(allowed);
  expect(result.reason).not.toBe("");
  if (code) expect(result.code).toBe(code);
  if (reason) expect(result.reason).toBe(reason);
}

describe("the table", () => {
  it.each(actions)("%s has a rule with a reason to allow it", (action) => {
    expect(policy[action].allowed).not.toBe("");
  });

  it.each(actions)("the system actor may %s", (action) => {
    const decision = can(systemActor, action, undefined as never);
    expect(decision).toMatchObject({ allowed: true, code: "system" });
  });
});

// Which units each role sees: the scope unit itself and everything below it.
const scope: Record<Role, Record<"dakPek" | "dakHa" | "otherProvince", boolean>> = {
  national_admin: { dakPek: true, dakHa: true, otherProvince: true },
  province_admin: { dakPek: true, dakHa: true, otherProvince: false },
  coordination_office: { dakPek: true, dakHa: true, otherProvince: false },
  department: { dakPek: true, dakHa: true, otherProvince: false },
  district: { dakPek: true, dakHa: false, otherProvince: false },
  commune_officer: { dakPek: true, dakHa: false, otherProvince: false },
  fatherland_front: { dakPek: true, dakHa: false, otherProvince: false },
  viewer: { dakPek: true, dakHa: true, otherProvince: false },
};
const communes = { dakPek, dakHa, otherProvince } as const;

// The roles that may take each action on a commune of their scope.
const everyone = [...roles];
const writers: Role[] = [
  "province_admin",
  "coordination_office",
  "department",
  "district",
  "commune_officer",
];
const onCommune: Partial<Record<UnitAction, Role[]>> = {
  "unit.read": everyone,
  "audit.read": everyone,
  "values.export": everyone,
  "evidence.read": everyone,
  "dossier.read": everyone,
  "obstacle.read": everyone,
  "assessment.write": writers,
  "obstacle.raise": writers,
  "dossier.act": everyone.filter((role) => role !== "viewer" && role !== "national_admin"),
  "dossier.confirm": ["department", "coordination_office"],
  "target.write": ["province_admin", "coordination_office", "district"],
  "plan.write": ["province_admin", "coordination_office", "district", "commune_officer"],
  "merger.decide": ["province_admin", "coordination_office"],
  "unit.edit": ["province_admin"],
  "village.manage": ["province_admin", "commune_officer"],
  "village.values.write": ["province_admin", "coordination_office", "commune_officer"],
  "village.evidence.write": ["province_admin", "coordination_office", "commune_officer"],
  "village.recognise": ["commune_officer"],
  "ocop.read": everyone,
  "ocop.write": ["province_admin", "coordination_office", "department"],
  "feedback.read": ["province_admin", "coordination_office", "commune_officer", "fatherland_front"],
  "feedback.moderate": ["province_admin", "coordination_office", "commune_officer"],
};

describe("actions on a commune: role × scope", () => {
  const rows = (Object.keys(onCommune) as UnitAction[]).flatMap((action) =>
    roles.flatMap((role) =>
      (Object.keys(communes) as (keyof typeof communes)[]).map((unit) => {
        const inScope = scope[role][unit];
        const allowed = inScope && (onCommune[action] ?? []).includes(role);
        return { action, role, unit, allowed, inScope };
      }),
    ),
  );

  it("covers every role, three communes and each action", () => {
    expect(rows).toHaveLength(Object.keys(onCommune).length * roles.length * 3);
  });

  it.each(rows)("$role $action on $unit → $allowed", ({ action, role, unit, allowed, inScope }) => {
    const decision = can(actors[role], action, communes[unit] as never);
    expect(decision.allowed).toBe(allowed);
    if (!inScope) expect(decision).toMatchObject({ code: "out_of_scope", reason: outOfScope });
    if (allowed) expect(decision.code).toBe("allowed");
  });

  it("tells the Front it writes no values and a viewer that it only reads", () => {
    expect(can(actors.fatherland_front, "assessment.write", dakPek)).toEqual({
      allowed: false,
      code: "front_no_values",
      reason: "Mặt trận Tổ quốc góp ý và lấy ý kiến người dân, không cập nhật số liệu.",
    });
    expect(can(actors.viewer, "assessment.write", dakPek)).toEqual({
      allowed: false,
      code: "read_only",
      reason: "Tài khoản chỉ có quyền xem.",
    });
  });
});

describe("unit.edit", () => {
  it("refuses a province administrator its own province, which the State names", () => {
    expect(can(actors.province_admin, "unit.edit", konTum)).toMatchObject({
      allowed: false,
      code: "role_not_allowed",
    });
    expect(can(actors.province_admin, "unit.edit", dakGlei).allowed).toBe(true);
  });
});

describe("isInScope", () => {
  it.each<{ role: Role; unit: UnitResource; label: string; inScope: boolean }>([
    { role: "province_admin", unit: konTum, label: "its own province", inScope: true },
    { role: "district", unit: dakGlei, label: "its own district", inScope: true },
    { role: "district", unit: konTum, label: "the province above it", inScope: false },
    { role: "commune_officer", unit: dakPek, label: "its own commune", inScope: true },
    { role: "commune_officer", unit: dakGlei, label: "the district above it", inScope: false },
    { role: "commune_officer", unit: dakHa, label: "another commune", inScope: false },
    { role: "fatherland_front", unit: dakGlei, label: "the district above it", inScope: false },
    { role: "department", unit: otherProvince, label: "another province", inScope: false },
  ])("$role sees $label: $inScope", ({ role, unit, inScope }) => {
    expect(isInScope(actors[role], unit)).toBe(inScope);
  });
});

describe("values and evidence of one criterion", () => {
  const own = { setCode, criterionCode: "9" };
  const foreign = { setCode, criterionCode: "10" };
  it.each<Row>([
    row(
      "a department writes its own criterion anywhere in its province",
      actors.department,
      "assessment.write",
      [{ ...dakHa, criterion: own }],
      { allowed: true },
    ),
    row(
      "a department cannot write another department's criterion",
      actors.department,
      "assessment.write",
      [{ ...dakPek, criterion: foreign }],
      {
        allowed: false,
        code: "criterion_not_assigned",
        reason: "Tiêu chí 10 không thuộc sở, ngành của bạn phụ trách.",
      },
    ),
    row(
      "a department's assignment is per criteria set",
      actors.department,
      "assessment.write",
      [{ ...dakPek, criterion: { setCode: "vn-commune-2026-2030", criterionCode: "2" } }],
      { allowed: false, code: "criterion_not_assigned" },
    ),
    row(
      "a department without criteria writes nothing",
      { role: "department", unitCode: "62" },
      "assessment.write",
      [dakPek],
      {
        allowed: false,
        code: "criterion_not_assigned",
        reason: "Sở, ngành của bạn chưa được giao tiêu chí nào.",
      },
    ),
    row(
      "a department cannot write its criterion in another province",
      actors.department,
      "assessment.write",
      [{ ...otherProvince, criterion: own }],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a commune officer writes any criterion of its commune",
      actors.commune_officer,
      "assessment.write",
      [{ ...dakPek, criterion: foreign }],
      { allowed: true },
    ),
    row(
      "a district writes any criterion of its communes",
      actors.district,
      "assessment.write",
      [{ ...dakPek, criterion: foreign }],
      { allowed: true },
    ),
    row(
      "a department uploads evidence of its own criterion",
      actors.department,
      "evidence.upload",
      [{ ...dakPek, criterion: own }],
      { allowed: true },
    ),
    row(
      "a department cannot upload evidence of another criterion",
      actors.department,
      "evidence.upload",
      [{ ...dakPek, criterion: foreign }],
      { allowed: false, code: "criterion_not_assigned" },
    ),
    row(
      "a department cannot delete evidence of another criterion",
      actors.department,
      "evidence.delete",
      [{ ...dakPek, criterion: foreign }],
      { allowed: false, code: "criterion_not_assigned" },
    ),
    row(
      "a department cannot touch evidence of an indicator outside the set",
      actors.department,
      "evidence.delete",
      [{ ...dakPek, criterion: null }],
      { allowed: false, code: "criterion_not_assigned" },
    ),
    row(
      "a commune officer deletes evidence of any criterion of its commune",
      actors.commune_officer,
      "evidence.delete",
      [{ ...dakPek, criterion: foreign }],
      { allowed: true },
    ),
    row(
      "a commune officer cannot upload to another commune",
      actors.commune_officer,
      "evidence.upload",
      [{ ...dakHa, criterion: foreign }],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a viewer uploads nothing",
      actors.viewer,
      "evidence.upload",
      [{ ...dakPek, criterion: own }],
      { allowed: false, code: "read_only" },
    ),
    row(
      "the Front uploads no evidence",
      actors.fatherland_front,
      "evidence.upload",
      [{ ...dakPek, criterion: own }],
      { allowed: false, code: "front_no_values" },
    ),
    row(
      "a department confirms its own criterion at appraisal",
      actors.department,
      "dossier.confirm",
      [{ ...dakPek, criterion: own }],
      { allowed: true },
    ),
    row(
      "a department cannot confirm another criterion",
      actors.department,
      "dossier.confirm",
      [{ ...dakPek, criterion: foreign }],
      { allowed: false, code: "criterion_not_assigned" },
    ),
    row(
      "the coordination office confirms any criterion",
      actors.coordination_office,
      "dossier.confirm",
      [{ ...dakPek, criterion: foreign }],
      { allowed: true },
    ),
  ])("$label", check);
});

describe("values import", () => {
  it.each(roles.map((role) => ({ role, allowed: writers.includes(role) })))(
    "$role may import values: $allowed",
    ({ role, allowed }) => {
      expect(can(actors[role], "values.import").allowed).toBe(allowed);
    },
  );
});

describe("catalog, regimes and data only the system loads", () => {
  const p62 = { provinceCode: "62" };
  const p12 = { provinceCode: "12" };
  const national = { provinceCode: null };
  it.each(
    roles.flatMap((role) => [
      { role, set: "its province's set", resource: p62, allowed: role === "province_admin" },
      { role, set: "another province's set", resource: p12, allowed: false },
      { role, set: "the national set", resource: national, allowed: false },
    ]),
  )("$role imports $set: $allowed", ({ role, resource, allowed }) => {
    expect(can(actors[role], "catalog.import", resource).allowed).toBe(allowed);
  });

  it.each(
    roles.flatMap((role) => [
      { role, side: "its province", resource: p62, allowed: role === "province_admin" },
      { role, side: "another province", resource: p12, allowed: false },
    ]),
  )(
    "$role sets the carry-over of recognitions for $side: $allowed",
    ({ role, resource, allowed }) => {
      expect(can(actors[role], "catalog.carryover.set", resource).allowed).toBe(allowed);
    },
  );

  it.each(
    roles.flatMap((role) => [
      { role, side: "its province", resource: p62, allowed: role === "province_admin" },
      { role, side: "another province", resource: p12, allowed: false },
    ]),
  )("$role chooses what $side publishes: $allowed", ({ role, resource, allowed }) => {
    expect(can(actors[role], "publication.set", resource).allowed).toBe(allowed);
  });

  it.each<Row>([
    row(
      "a province admin cannot publish another province's data",
      actors.province_admin,
      "publication.set",
      [p12],
      {
        allowed: false,
        code: "other_province",
        reason: "Quản trị tỉnh chỉ được đổi thiết lập của tỉnh mình.",
      },
    ),
    row(
      "the coordination office cannot choose what is public",
      actors.coordination_office,
      "publication.set",
      [p62],
      {
        allowed: false,
        code: "role_not_allowed",
        reason: "Chỉ quản trị tỉnh được chọn dữ liệu công khai cho người dân.",
      },
    ),
  ])("$label", check);

  it.each<Row>([
    row(
      "a province admin cannot load a national set",
      actors.province_admin,
      "catalog.import",
      [national],
      { allowed: false, code: "system_only" },
    ),
    row(
      "a province admin cannot load another province's set",
      actors.province_admin,
      "catalog.import",
      [p12],
      {
        allowed: false,
        code: "other_province",
        reason: "Quản trị tỉnh chỉ được nhập bộ tiêu chí cấp tỉnh của tỉnh mình.",
      },
    ),
    row(
      "a coordination office cannot load a set",
      actors.coordination_office,
      "catalog.import",
      [p62],
      {
        allowed: false,
        code: "role_not_allowed",
        reason: "Chỉ quản trị tỉnh được nhập bộ tiêu chí.",
      },
    ),
    row(
      "a province admin cannot set another province's carry-over",
      actors.province_admin,
      "catalog.carryover.set",
      [p12],
      {
        allowed: false,
        code: "other_province",
        reason: "Quản trị tỉnh chỉ được đổi thiết lập của tỉnh mình.",
      },
    ),
    row("a district cannot set the carry-over", actors.district, "catalog.carryover.set", [p62], {
      allowed: false,
      code: "role_not_allowed",
      reason: "Chỉ quản trị tỉnh được đổi cách chuyển tiếp công nhận sang bộ tiêu chí mới.",
    }),
    row("everyone reads the catalog", actors.viewer, "catalog.read", [], { allowed: true }),
    row("everyone reads the regimes", actors.fatherland_front, "regime.read", [], {
      allowed: true,
    }),
    row("a province admin imports a regime", actors.province_admin, "regime.import", [], {
      allowed: true,
    }),
    row(
      "a coordination office imports no regime",
      actors.coordination_office,
      "regime.import",
      [],
      { allowed: false, code: "role_not_allowed" },
    ),
    row("a province admin imports no hierarchy", actors.province_admin, "units.import", [], {
      allowed: false,
      code: "system_only",
    }),
    row("a province admin imports no boundaries", actors.province_admin, "boundaries.import", [], {
      allowed: false,
      code: "system_only",
    }),
    row("the system loads the national set", systemActor, "catalog.import", [national], {
      allowed: true,
      code: "system",
    }),
    row(
      "a province admin records no past recognition by hand",
      actors.province_admin,
      "recognition.import",
      [],
      { allowed: false, code: "system_only" },
    ),
    row("the system records past recognitions", systemActor, "recognition.import", [], {
      allowed: true,
      code: "system",
    }),
  ])("$label", check);
});

describe("dossier steps: the regime's acting role", () => {
  const step = (code: string, name: string, actingRole: Role): StepRef => ({
    code,
    name,
    actingRole,
  });
  const steps = [
    step("self_assessment", "Báo cáo tự đánh giá", "commune_officer"),
    step("front_comments", "Lấy ý kiến Mặt trận", "fatherland_front"),
    step("satisfaction_survey", "Lấy ý kiến sự hài lòng", "fatherland_front"),
    step("verification", "Thẩm tra", "district"),
    step("appraisal", "Thẩm định", "coordination_office"),
    step("decision", "Quyết định công nhận", "province_admin"),
  ];
  const rows = (["dossier.act", "dossier.attach"] as const).flatMap((action) =>
    steps.flatMap((s) =>
      roles.map((role) => ({ action, step: s, role, allowed: s.actingRole === role })),
    ),
  );

  it.each(rows)("$role $action on $step.code → $allowed", ({ action, step: s, role, allowed }) => {
    const decision = can(actors[role], action, { ...dakPek, step: s });
    expect(decision.allowed).toBe(allowed);
    if (!allowed)
      expect(decision.code).toBe(
        role === "viewer" || role === "national_admin" ? "read_only" : "not_step_role",
      );
  });

  it.each<Row>([
    row(
      "the Front attaches to its survey step",
      actors.fatherland_front,
      "dossier.attach",
      [{ ...dakPek, step: steps[2] as StepRef }],
      { allowed: true },
    ),
    row(
      "the Front attaches no decision scan",
      actors.fatherland_front,
      "dossier.attach",
      [{ ...dakPek, step: steps[5] as StepRef }],
      {
        allowed: false,
        reason:
          'Chỉ Quản trị tỉnh được đính kèm tệp cho bước "Quyết định công nhận"; tài khoản của bạn là Mặt trận Tổ quốc.',
      },
    ),
    row(
      "a commune officer attaches no decision scan to its own dossier",
      actors.commune_officer,
      "dossier.attach",
      [{ ...dakPek, step: steps[5] as StepRef }],
      { allowed: false, code: "not_step_role" },
    ),
    row(
      "a role the regime adds to a step attaches to it",
      actors.coordination_office,
      "dossier.attach",
      [{ ...dakPek, step: { ...(steps[5] as StepRef), attachRoles: ["coordination_office"] } }],
      { allowed: true },
    ),
    row(
      "a district attaches nothing to another district's dossier",
      actors.district,
      "dossier.attach",
      [{ ...dakHa, step: steps[3] as StepRef }],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a viewer attaches nothing",
      actors.viewer,
      "dossier.attach",
      [{ ...dakPek, step: steps[0] as StepRef }],
      { allowed: false, code: "read_only", reason: "Tài khoản chỉ có quyền xem." },
    ),
    row(
      "a commune officer files its commune's dossier",
      actors.commune_officer,
      "dossier.file",
      [{ ...dakPek, step: steps[0] as StepRef }],
      { allowed: true },
    ),
    row(
      "a district files no commune dossier",
      actors.district,
      "dossier.file",
      [{ ...dakPek, step: steps[0] as StepRef }],
      {
        allowed: false,
        code: "not_step_role",
        reason: "Hồ sơ do Cán bộ xã lập; tài khoản của bạn là Cấp huyện.",
      },
    ),
    row(
      "a commune officer files nothing for another commune",
      actors.commune_officer,
      "dossier.file",
      [{ ...dakHa, step: steps[0] as StepRef }],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a viewer files nothing",
      actors.viewer,
      "dossier.file",
      [{ ...dakPek, step: steps[0] as StepRef }],
      { allowed: false, code: "read_only" },
    ),
    row(
      "the office reads the overdue list",
      actors.coordination_office,
      "dossier.overdue.read",
      [],
      { allowed: true },
    ),
    row("a commune reads no overdue list", actors.commune_officer, "dossier.overdue.read", [], {
      allowed: false,
      code: "role_not_allowed",
    }),
    row(
      "the office creates a batch of its province",
      actors.coordination_office,
      "dossier.batch.create",
      [konTum],
      { allowed: true },
    ),
    row(
      "the office creates no batch for another province",
      actors.coordination_office,
      "dossier.batch.create",
      [laiChau],
      { allowed: false, code: "out_of_scope" },
    ),
    row("a district creates no batch", actors.district, "dossier.batch.create", [dakGlei], {
      allowed: false,
      code: "role_not_allowed",
    }),
  ])("$label", check);
});

describe("reports: submitter and receiver", () => {
  const districtReport = { submitter: dakGlei, departmentCode: null, receiverUnitCode: "62" };
  const communeReport = { submitter: dakPek, departmentCode: null, receiverUnitCode: "62" };
  const departmentReport = { submitter: konTum, departmentCode: "so-xd", receiverUnitCode: "62" };
  const otherDepartment = { submitter: konTum, departmentCode: "so-yt", receiverUnitCode: "62" };
  const otherProvinceReport = { submitter: laiChau, departmentCode: null, receiverUnitCode: "12" };
  const read: Record<Role, [district: boolean, commune: boolean, department: boolean]> = {
    national_admin: [false, false, false],
    province_admin: [true, true, true],
    coordination_office: [true, true, true],
    department: [false, false, true],
    district: [true, false, false],
    commune_officer: [false, true, false],
    fatherland_front: [false, false, false],
    viewer: [false, false, false],
  };
  it.each(
    roles.flatMap((role) => [
      { role, report: "a district's report", resource: districtReport, allowed: read[role][0] },
      { role, report: "a commune's report", resource: communeReport, allowed: read[role][1] },
      {
        role,
        report: "its department's report",
        resource: departmentReport,
        allowed: read[role][2],
      },
      {
        role,
        report: "another department's report",
        resource: otherDepartment,
        allowed: read[role][2] && role !== "department",
      },
      { role, report: "another province's report", resource: otherProvinceReport, allowed: false },
    ]),
  )("$role reads $report: $allowed", ({ role, resource, allowed }) => {
    expect(can(actors[role], "report.read", resource).allowed).toBe(allowed);
  });

  it.each<Row>([
    row("the district submits its report", actors.district, "report.submit", [districtReport], {
      allowed: true,
    }),
    row(
      "the province does not submit a district's report",
      actors.province_admin,
      "report.submit",
      [districtReport],
      { allowed: false, code: "not_submitter" },
    ),
    row(
      "a department submits its department's report",
      actors.department,
      "report.submit",
      [departmentReport],
      { allowed: true },
    ),
    row(
      "a department does not submit another department's report",
      actors.department,
      "report.submit",
      [otherDepartment],
      { allowed: false, code: "not_submitter" },
    ),
    row(
      "the office returns a report it receives",
      actors.coordination_office,
      "report.return",
      [districtReport],
      { allowed: true },
    ),
    row(
      "the district cannot return its own report",
      actors.district,
      "report.return",
      [districtReport],
      {
        allowed: false,
        code: "not_receiver",
        reason: "Chỉ cơ quan nhận báo cáo được trả lại báo cáo.",
      },
    ),
    row(
      "another province's office returns nothing here",
      { role: "coordination_office", unitCode: "12" },
      "report.return",
      [districtReport],
      { allowed: false, code: "not_receiver" },
    ),
    row(
      "the district reminds a commune of its own district",
      actors.district,
      "report.remind",
      [communeReport],
      { allowed: true },
    ),
    row(
      "a district reminds no commune of another district",
      actors.district,
      "report.remind",
      [{ submitter: dakHa, departmentCode: null, receiverUnitCode: "62" }],
      { allowed: false, code: "out_of_scope", reason: outOfScope },
    ),
    row(
      "a district does not remind its own report",
      actors.district,
      "report.remind",
      [districtReport],
      { allowed: false, code: "not_receiver" },
    ),
    row(
      "the office reminds a district and a department of its province",
      actors.coordination_office,
      "report.remind",
      [districtReport],
      { allowed: true },
    ),
    row(
      "the office reminds a department it receives from",
      actors.coordination_office,
      "report.remind",
      [departmentReport],
      { allowed: true },
    ),
    row("a district reminds no department", actors.district, "report.remind", [departmentReport], {
      allowed: false,
      code: "not_receiver",
    }),
    row(
      "another province's office reminds nobody here",
      { role: "coordination_office", unitCode: "12" },
      "report.remind",
      [communeReport],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a province admin reminds nobody in another province",
      actors.province_admin,
      "report.remind",
      [otherProvinceReport],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a commune officer reminds nobody",
      actors.commune_officer,
      "report.remind",
      [communeReport],
      {
        allowed: false,
        code: "role_not_allowed",
      },
    ),
    row("a viewer reminds nobody", actors.viewer, "report.remind", [communeReport], {
      allowed: false,
      code: "role_not_allowed",
    }),
    row(
      "the office opens a period of its province",
      actors.coordination_office,
      "report.period.open",
      [konTum],
      { allowed: true },
    ),
    row("a viewer opens no period", actors.viewer, "report.period.open", [konTum], {
      allowed: false,
      code: "role_not_allowed",
      reason: "Chỉ cơ quan nhận báo cáo được tạo kỳ báo cáo.",
    }),
    row(
      "a province admin opens no period of another province",
      actors.province_admin,
      "report.period.open",
      [laiChau],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a province office scoped below the province opens no period",
      { role: "coordination_office", unitCode: "610" },
      "report.period.open",
      [konTum],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "the admin creates a report type of its province",
      actors.province_admin,
      "report_type.create",
      [konTum],
      { allowed: true },
    ),
    row("a department creates no report type", actors.department, "report_type.create", [konTum], {
      allowed: false,
      code: "role_not_allowed",
    }),
    row(
      "the office consolidates its province's reports",
      actors.coordination_office,
      "report.consolidate",
      [konTum],
      { allowed: true },
    ),
    row(
      "a viewer of the province reads the rate board",
      actors.viewer,
      "report.rates.read",
      [konTum],
      { allowed: true },
    ),
    row("a district reads no province rate board", actors.district, "report.rates.read", [konTum], {
      allowed: false,
      code: "out_of_scope",
    }),
    row("a viewer consolidates nothing", actors.viewer, "report.consolidate", [konTum], {
      allowed: false,
      code: "role_not_allowed",
    }),
  ])("$label", check);
});

describe("obstacles: the holding level", () => {
  const obstacle = (holder: string, criterionCodes: string[] = []) => ({
    ...dakPek,
    holder,
    criterionCodes,
  });
  it.each<Row>([
    row(
      "the commune resolves what it holds",
      actors.commune_officer,
      "obstacle.act",
      [obstacle("commune")],
      { allowed: true },
    ),
    row(
      "the district does not act on what the commune holds",
      actors.district,
      "obstacle.act",
      [obstacle("commune")],
      { allowed: false, code: "not_holder", reason: "Khó khăn, vướng mắc đang do UBND xã xử lý." },
    ),
    row(
      "the district acts once it holds it",
      actors.district,
      "obstacle.act",
      [obstacle("district")],
      { allowed: true },
    ),
    row(
      "a department acts on its criteria",
      actors.department,
      "obstacle.act",
      [obstacle("department", ["9"])],
      { allowed: true },
    ),
    row(
      "a department does not act on another's criteria",
      actors.department,
      "obstacle.act",
      [obstacle("department", ["17"])],
      { allowed: false, code: "other_department" },
    ),
    row(
      "the province committee acts on what it holds",
      actors.province_admin,
      "obstacle.act",
      [obstacle("province_committee")],
      { allowed: true },
    ),
    row("a viewer acts on nothing", actors.viewer, "obstacle.act", [obstacle("commune")], {
      allowed: false,
      code: "not_holder",
    }),
    row(
      "another commune acts on nothing here",
      { role: "commune_officer", unitCode: "23350" },
      "obstacle.act",
      [obstacle("commune")],
      { allowed: false, code: "out_of_scope" },
    ),
  ])("$label", check);
});

describe("the department view", () => {
  it.each<Row>([
    row(
      "a department reads its own view",
      actors.department,
      "department.read",
      [{ ...konTum, departmentCode: "so-xd" }],
      { allowed: true },
    ),
    row(
      "a department reads no other department's view",
      actors.department,
      "department.read",
      [{ ...konTum, departmentCode: "so-yt" }],
      { allowed: false, code: "other_department" },
    ),
    row(
      "the office reads every department's view",
      actors.coordination_office,
      "department.read",
      [{ ...konTum, departmentCode: "so-yt" }],
      { allowed: true },
    ),
    row(
      "a district reads no province-wide department view",
      actors.district,
      "department.read",
      [{ ...konTum, departmentCode: "so-xd" }],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "nobody reads another province's departments",
      actors.province_admin,
      "department.read",
      [{ ...laiChau, departmentCode: "so-xd-lc" }],
      { allowed: false, code: "out_of_scope" },
    ),
  ])("$label", check);
});

describe("accounts: a province admin inside its own province, never above its unit", () => {
  const accountActions = [
    "user.read",
    "user.create",
    "user.disable",
    "user.password.reset",
    "user.sessions.end",
  ] as const;
  const targets = {
    "a commune officer of its province": { ...dakPek, role: "commune_officer" as Role },
    "a province admin of its province": { ...konTum, role: "province_admin" as Role },
    "a commune officer of another province": { ...otherProvince, role: "commune_officer" as Role },
    "a province admin of another province": { ...laiChau, role: "province_admin" as Role },
  };
  const rows = accountActions.flatMap((action) =>
    roles.flatMap((role) =>
      (Object.keys(targets) as (keyof typeof targets)[]).map((target) => ({
        action,
        role,
        target,
        allowed: role === "province_admin" && !target.includes("another province"),
      })),
    ),
  );
  it.each(rows)("$role $action on $target → $allowed", ({ action, role, target, allowed }) => {
    expect(can(actors[role], action, targets[target]).allowed).toBe(allowed);
  });

  it.each<Row>([
    row(
      "an admin scoped to a district creates nothing at the province above it",
      { role: "province_admin", unitCode: "610" },
      "user.create",
      [{ ...konTum, role: "viewer" }],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "an admin of another province is told the account is out of its scope",
      { role: "province_admin", unitCode: "12" },
      "user.create",
      [{ ...konTum, role: "province_admin" }],
      { allowed: false, code: "out_of_scope" },
    ),
    row(
      "a district creates no account",
      actors.district,
      "user.create",
      [{ ...dakPek, role: "commune_officer" }],
      {
        allowed: false,
        code: "role_not_allowed",
        reason: "Chỉ quản trị tỉnh được quản lý tài khoản.",
      },
    ),
    row(
      "anyone changes their own password",
      actors.viewer,
      "user.password.change",
      [{ userId: 7 }],
      { allowed: true },
    ),
    row(
      "nobody changes another account's password",
      actors.province_admin,
      "user.password.change",
      [{ userId: 7 }],
      { allowed: false, code: "not_own_account" },
    ),
  ])("$label", check);
});

describe("national administrator accounts", () => {
  it("a province administrator may not create one, even in its own province", () => {
    const account = { ...konTum, role: "national_admin" as const };
    expect(can(actors.province_admin, "user.create", account)).toMatchObject({
      allowed: false,
      code: "role_not_allowed",
    });
    expect(can(actors.province_admin, "user.create", { ...konTum, role: "viewer" }).allowed).toBe(
      true,
    );
  });
});

describe("reform.import", () => {
  it.each(roles)("%s", (role) => {
    const decision = can(actors[role], "reform.import");
    expect(decision.allowed).toBe(role === "national_admin");
    if (role !== "national_admin") {
      expect(decision).toMatchObject({
        code: "role_not_allowed",
        reason: "Chỉ quản trị cấp quốc gia được nhập sắp xếp đơn vị hành chính 2025.",
      });
    }
  });
});

describe("background jobs of a province", () => {
  const managers: Role[] = ["national_admin", "province_admin"];
  it.each(
    roles.flatMap((role) => [
      { role, action: "job.read" as const },
      { role, action: "job.start" as const },
    ]),
  )("$role $action on the own province → only administrators", ({ role, action }) => {
    const decision = can(actors[role], action, konTum);
    expect(decision.allowed).toBe(managers.includes(role));
    // Accounts below the province (a district, a commune) are refused by scope first.
    if (!decision.allowed) expect(["role_not_allowed", "out_of_scope"]).toContain(decision.code);
  });
  it("a province administrator sees no job of another province", () => {
    expect(can(actors.province_admin, "job.read", laiChau)).toMatchObject({
      allowed: false,
      code: "out_of_scope",
    });
    expect(can(actors.province_admin, "job.start", laiChau).allowed).toBe(false);
  });
});
