import {
  obstacleLevelNames,
  obstacleLevelOfRole,
  type ObstacleLevel,
} from "../reporting/obstacle-flow.ts";
import type { Actor } from "./actor.ts";
import { deny, type Decision, type DecisionCode } from "./decision.ts";
import type {
  AccountResource,
  CatalogResource,
  DepartmentResource,
  DossierResource,
  DossierStepResource,
  EvidenceResource,
  ObstacleResource,
  OwnAccountResource,
  ReportResource,
  UnitResource,
  ValueResource,
} from "./resources.ts";
import { roleNames, type Role } from "./roles.ts";

/** A signed-in account as the checks see it (the system never reaches a check). */
export type AccountActor = Actor & { role: Role };

/** One condition of a rule: null when it holds, the refusal when it does not. */
export type Check<R> = (actor: AccountActor, resource: R) => Decision | null;

export const outOfScope = deny(
  "out_of_scope",
  "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.",
);
export const readOnly = deny("read_only", "Tài khoản chỉ có quyền xem.");
const frontNoValues = deny(
  "front_no_values",
  "Mặt trận Tổ quốc góp ý và lấy ý kiến người dân, không cập nhật số liệu.",
);

/**
 * Whether a unit lies inside the actor's scope (the scope unit itself or below it); a national
 * administrator's scope is the whole country.
 */
export function isInScope(actor: Actor, unit: UnitResource): boolean {
  return actor.role === "national_admin" || unit.path.includes(actor.unitCode);
}

/** The unit lies in the actor's scope. */
export const scoped: Check<UnitResource> = (actor, unit) =>
  isInScope(actor, unit) ? null : outOfScope;

/** Only these roles; the others are told why (per role, or one reason for all). */
export function rolesOnly(
  allowed: readonly Role[],
  refusal: Decision | ((role: Role) => Decision),
): Check<unknown> {
  return (actor) =>
    allowed.includes(actor.role)
      ? null
      : typeof refusal === "function"
        ? refusal(actor.role)
        : refusal;
}

/** Refused with a role-level reason. */
export const roleRefusal = (reason: string, code: DecisionCode = "role_not_allowed") =>
  deny(code, reason);

/** Only the system (the command line) takes this action. */
export const systemOnly =
  (reason: string): Check<unknown> =>
  () =>
    deny("system_only", reason);

/** The roles that change indicator values; the Front and viewers are told why they may not. */
export const valueWriters: readonly Role[] = [
  "province_admin",
  "coordination_office",
  "department",
  "district",
  "commune_officer",
];
export const writesValues = rolesOnly(valueWriters, (role) =>
  role === "fatherland_front" ? frontNoValues : readOnly,
);

const notAssigned = (criterionCode: string) =>
  deny(
    "criterion_not_assigned",
    `Tiêu chí ${criterionCode} không thuộc sở, ngành của bạn phụ trách.`,
  );

/** A department writes only the criteria assigned to it (per criteria set); others any. */
export const ownCriterion: Check<ValueResource> = (actor, resource) => {
  if (actor.role !== "department") return null;
  const criteria = actor.criteria ?? [];
  if (!resource.criterion) {
    return criteria.length > 0
      ? null
      : deny("criterion_not_assigned", "Sở, ngành của bạn chưa được giao tiêu chí nào.");
  }
  const { setCode, criterionCode } = resource.criterion;
  return criteria.includes(`${setCode}:${criterionCode}`) ? null : notAssigned(criterionCode);
};

/** Evidence of a department: only of an indicator of one of its criteria. */
export const ownEvidenceCriterion: Check<EvidenceResource> = (actor, resource) => {
  if (actor.role !== "department") return null;
  if (!resource.criterion) {
    return deny(
      "criterion_not_assigned",
      "Chỉ tiêu này không thuộc tiêu chí nào sở, ngành của bạn phụ trách.",
    );
  }
  return ownCriterion(actor, { ...resource, criterion: resource.criterion });
};

/** A national set is loaded by the system only; a provincial set by its own province. */
export const ownProvinceSet: Check<CatalogResource> = (actor, set) => {
  if (set.provinceCode === null) {
    return deny(
      "system_only",
      "Bộ tiêu chí quốc gia chỉ được nhập bằng dòng lệnh của hệ thống (ntm catalog import).",
    );
  }
  return set.provinceCode === actor.unitCode
    ? null
    : deny("other_province", "Quản trị tỉnh chỉ được nhập bộ tiêu chí cấp tỉnh của tỉnh mình.");
};

/** A province's own setting: only the province the account belongs to. */
export const ownProvinceSetting: Check<CatalogResource> = (actor, setting) =>
  setting.provinceCode !== null && setting.provinceCode === actor.unitCode
    ? null
    : deny("other_province", "Quản trị tỉnh chỉ được đổi thiết lập của tỉnh mình.");

/** The role the regime names for the step acts on it. */
export const stepActor: Check<DossierResource> = (actor, { step }) => {
  if (!step || step.actingRole === actor.role) return null;
  return deny(
    "not_step_role",
    `Bước "${step.name}" do ${roleNames[step.actingRole]} thực hiện; tài khoản của bạn là ${roleNames[actor.role]}.`,
  );
};

/** A dossier is filed by the role acting on the regime's first step. */
export const filer: Check<DossierStepResource> = (actor, { step }) =>
  step.actingRole === actor.role
    ? null
    : deny(
        "not_step_role",
        `Hồ sơ do ${roleNames[step.actingRole]} lập; tài khoản của bạn là ${roleNames[actor.role]}.`,
      );

/** Files of a step come from the role acting on it and the roles the regime adds. */
export const stepAttacher: Check<DossierStepResource> = (actor, { step }) => {
  const allowed = [step.actingRole, ...(step.attachRoles ?? [])];
  if (allowed.includes(actor.role)) return null;
  return deny(
    "not_step_role",
    `Chỉ ${allowed.map((role) => roleNames[role]).join(", ")} được đính kèm tệp cho bước "${step.name}"; tài khoản của bạn là ${roleNames[actor.role]}.`,
  );
};

function isSubmitter(actor: AccountActor, report: ReportResource) {
  if (report.departmentCode !== null) {
    return (
      actor.role === "department" &&
      actor.departmentCode === report.departmentCode &&
      actor.unitCode === report.submitter.unitCode
    );
  }
  return (
    actor.unitCode === report.submitter.unitCode &&
    (["province_admin", "coordination_office", "district", "commune_officer"] as Role[]).includes(
      actor.role,
    )
  );
}

function isReceiver(actor: AccountActor, report: { receiverUnitCode: string }) {
  return (
    (actor.role === "province_admin" || actor.role === "coordination_office") &&
    actor.unitCode === report.receiverUnitCode
  );
}

export const submitterOrReceiver: Check<ReportResource> = (actor, report) =>
  isSubmitter(actor, report) || isReceiver(actor, report)
    ? null
    : deny("not_submitter", "Chỉ đơn vị nộp và cơ quan nhận được xem báo cáo này.");

export const submitter: Check<ReportResource> = (actor, report) =>
  isSubmitter(actor, report)
    ? null
    : deny("not_submitter", "Chỉ đơn vị phải báo cáo được nộp báo cáo này.");

/**
 * A reminder comes from above the submitter: a unit the submitting unit lies below (a department's
 * report: the receiving office). Nobody reminds its own unit's report, which it submits itself.
 */
export const reminder: Check<ReportResource> = (actor, report) => {
  if (report.departmentCode !== null) {
    return isReceiver(actor, report)
      ? null
      : deny("not_receiver", "Chỉ cơ quan nhận báo cáo được nhắc sở, ngành nộp báo cáo.");
  }
  if (!isInScope(actor, report.submitter)) return outOfScope;
  return actor.unitCode === report.submitter.unitCode
    ? deny(
        "not_receiver",
        "Báo cáo này do chính đơn vị của bạn nộp; hãy mở báo cáo để lập và nộp, không cần nhắc.",
      )
    : null;
};

/** The receiving office: the province admin or coordination office of the receiving unit. */
export const receiver =
  (reason: string): Check<{ receiverUnitCode: string }> =>
  (actor, report) =>
    isReceiver(actor, report) ? null : deny("not_receiver", reason);

/** The receiving unit itself: the account is scoped to it, not below it. */
export const atReceiverUnit =
  (reason: string): Check<UnitResource> =>
  (actor, unit) =>
    actor.unitCode === unit.unitCode ? null : deny("not_receiver", reason);

/** The level holding an obstacle acts on it; a department only on its own criteria. */
export const obstacleHolder: Check<ObstacleResource> = (actor, obstacle) => {
  if (obstacleLevelOfRole(actor.role) !== obstacle.holder) {
    const holder = obstacleLevelNames[obstacle.holder as ObstacleLevel] ?? obstacle.holder;
    return deny("not_holder", `Khó khăn, vướng mắc đang do ${holder} xử lý.`);
  }
  if (actor.role !== "department" || obstacle.criterionCodes.length === 0) return null;
  const own = new Set((actor.criteria ?? []).map((key) => key.split(":")[1]));
  return obstacle.criterionCodes.some((code) => own.has(code))
    ? null
    : deny("other_department", "Khó khăn, vướng mắc này thuộc tiêu chí của sở, ngành khác.");
};

/** A department sees only its own department's view. */
export const ownDepartment: Check<DepartmentResource> = (actor, resource) =>
  actor.role !== "department" || actor.departmentCode === resource.departmentCode
    ? null
    : deny("other_department", "Tài khoản sở, ngành chỉ xem được tiêu chí của sở, ngành mình.");

/** A national administrator's account is created and managed only by the command line. */
export const notNationalAccount: Check<AccountResource> = (_actor, account) =>
  account.role === "national_admin"
    ? deny(
        "role_not_allowed",
        "Tài khoản quản trị cấp quốc gia chỉ được tạo và quản lý bằng dòng lệnh của hệ thống.",
      )
    : null;

export const ownAccount: Check<OwnAccountResource> = (actor, account) =>
  actor.userId !== undefined && actor.userId === account.userId
    ? null
    : deny("not_own_account", "Chỉ được đổi mật khẩu của chính tài khoản mình.");
