import type { Actor } from "./actor.ts";
import {
  atReceiverUnit,
  filer,
  notNationalAccount,
  obstacleHolder,
  ownAccount,
  ownCriterion,
  ownDepartment,
  ownEvidenceCriterion,
  ownProvinceSet,
  ownProvinceSetting,
  readOnly,
  receiver,
  reminder,
  roleRefusal,
  rolesOnly,
  scoped,
  stepActor,
  stepAttacher,
  submitter,
  submitterOrReceiver,
  systemOnly,
  writesValues,
  type AccountActor,
  type Check,
} from "./checks.ts";
import { allow, type Decision } from "./decision.ts";
import type {
  AccountResource,
  CatalogResource,
  DepartmentResource,
  DossierResource,
  DossierStepResource,
  EvidenceResource,
  ObstacleResource,
  OwnAccountResource,
  ProvinceResource,
  ReportResource,
  UnitResource,
  ValueResource,
} from "./resources.ts";
import { roles, type Role } from "./roles.ts";

export { isInScope } from "./checks.ts";

/** What each action is taken on; `undefined` for actions decided by the role alone. */
export interface ActionResources {
  // Hierarchy
  "unit.read": UnitResource;
  "unit.edit": UnitResource;
  "units.import": undefined;
  "reform.import": undefined;
  "boundaries.import": undefined;
  // Villages (thôn, bản, ấp, tổ dân phố): the commune's list, values and recognition
  "village.manage": UnitResource;
  "village.values.write": UnitResource;
  "village.evidence.write": UnitResource;
  "village.recognise": UnitResource;
  // Indicator values, their audit trail, imports and exports
  "assessment.write": ValueResource;
  "audit.read": UnitResource;
  "values.import": undefined;
  "values.export": UnitResource;
  // Evidence files
  "evidence.read": UnitResource;
  "evidence.upload": EvidenceResource;
  "evidence.delete": EvidenceResource;
  // Criteria catalog and dossier regimes
  "catalog.read": undefined;
  "catalog.import": CatalogResource;
  "catalog.carryover.set": CatalogResource;
  // The province's public page: which kinds of data are public for which years
  "publication.set": ProvinceResource;
  "regime.read": undefined;
  "regime.import": undefined;
  // Recognition and revocation dossiers
  "dossier.read": DossierResource;
  "dossier.file": DossierStepResource;
  "dossier.act": DossierResource;
  "dossier.confirm": ValueResource;
  "dossier.attach": DossierStepResource;
  "dossier.overdue.read": undefined;
  "dossier.batch.create": UnitResource;
  "merger.decide": UnitResource;
  "recognition.import": undefined;
  // Residents' feedback on a dossier during its public posting, and its moderation
  "feedback.read": UnitResource;
  "feedback.moderate": UnitResource;
  // Periodic reports and obstacles
  "report_type.create": UnitResource;
  "report.period.open": UnitResource;
  "report.read": ReportResource;
  "report.submit": ReportResource;
  "report.return": ReportResource;
  "report.remind": ReportResource;
  "report.rates.read": UnitResource;
  "report.consolidate": UnitResource;
  "obstacle.read": UnitResource;
  "obstacle.raise": UnitResource;
  "obstacle.act": ObstacleResource;
  // Targets, plans and the department view
  "target.write": UnitResource;
  "plan.write": UnitResource;
  "department.read": DepartmentResource;
  // OCOP products: the registry of a commune's products and their certificates
  "ocop.read": UnitResource;
  "ocop.write": UnitResource;
  // Accounts
  "user.read": AccountResource;
  "user.create": AccountResource;
  "user.disable": AccountResource;
  "user.password.reset": AccountResource;
  "user.sessions.end": AccountResource;
  "user.password.change": OwnAccountResource;
  // Background jobs of a province (re-evaluation, reminders, imports, the consolidated report)
  "job.read": UnitResource;
  "job.start": UnitResource;
}

export type Action = keyof ActionResources;
export type ResourceOf<A extends Action> = ActionResources[A];

/** The resource argument of `can`: none for actions decided by the role alone. */
export type ResourceArgs<A extends Action> =
  undefined extends ResourceOf<A> ? [resource?: undefined] : [resource: ResourceOf<A>];

/** Actions taken on a unit as a whole, which a plain unit resource describes. */
export type UnitAction = {
  [A in Action]: UnitResource extends ResourceOf<A> ? A : never;
}[Action];

/** A rule: the checks in order (the first that fails decides) and why it is allowed. */
export interface Rule<R> {
  checks: readonly Check<R>[];
  allowed: string;
}

const provinceOffice: readonly Role[] = ["province_admin", "coordination_office"];
/** Everyone but viewers takes part in the dossier workflow (the regime says on which step). */
const participants: readonly Role[] = roles.filter(
  (role) => role !== "viewer" && role !== "national_admin",
);
/** The province keeps the OCOP registry (its OCOP council sits at the agriculture department). */
const ocopKeepers: readonly Role[] = [...provinceOffice, "department"];
/** The commune that posts the dossier and the province's office read and moderate residents' feedback. */
const feedbackModerators: readonly Role[] = [...provinceOffice, "commune_officer"];
const provinceAdminOnly = (reason: string) => rolesOnly(["province_admin"], roleRefusal(reason));
const manageAccounts = provinceAdminOnly("Chỉ quản trị tỉnh được quản lý tài khoản.");
const accountRule: Rule<AccountResource> = {
  checks: [scoped, manageAccounts, notNationalAccount],
  allowed: "Quản trị tỉnh quản lý tài khoản của đơn vị mình và các đơn vị trực thuộc.",
};
const readInScope: Rule<UnitResource> = {
  checks: [scoped],
  allowed: "Đơn vị thuộc phạm vi được giao.",
};
const jobManagers = (reason: string) =>
  rolesOnly(["province_admin", "national_admin"], roleRefusal(reason));

/**
 * The access policy of the product: every action, who may take it and on what. Services ask
 * `can` (through the API's `assertCan`); nothing else decides access.
 */
export const policy: { readonly [A in Action]: Rule<ResourceOf<A>> } = {
  "unit.read": readInScope,
  "unit.edit": {
    checks: [
      scoped,
      provinceAdminOnly("Chỉ quản trị tỉnh được sửa đơn vị hành chính."),
      (actor, unit) =>
        actor.unitCode === unit.unitCode
          ? roleRefusal(
              "Tên và loại của tỉnh do Trung ương quyết định; tỉnh sửa các đơn vị trực thuộc.",
            )
          : null,
    ],
    allowed:
      "Quản trị tỉnh sửa đơn vị hành chính trực thuộc tỉnh, có ngày hiệu lực và ghi nhật ký.",
  },
  "units.import": {
    checks: [
      systemOnly("Danh mục đơn vị hành chính chỉ được nhập bằng dòng lệnh (ntm units import)."),
    ],
    allowed: "Hệ thống nhập danh mục đơn vị hành chính.",
  },
  "reform.import": {
    checks: [
      rolesOnly(
        ["national_admin"],
        roleRefusal("Chỉ quản trị cấp quốc gia được nhập sắp xếp đơn vị hành chính 2025."),
      ),
    ],
    allowed:
      "Quản trị cấp quốc gia nhập sắp xếp đơn vị hành chính (tỉnh mới, xã mới, quan hệ kế thừa).",
  },
  "boundaries.import": {
    checks: [systemOnly("Ranh giới đơn vị chỉ được nhập bằng dòng lệnh (ntm boundaries import).")],
    allowed: "Hệ thống nhập ranh giới đơn vị.",
  },
  "village.manage": {
    checks: [
      scoped,
      rolesOnly(
        ["province_admin", "commune_officer"],
        roleRefusal("Chỉ cán bộ xã hoặc quản trị tỉnh được thêm, sửa, sáp nhập thôn."),
      ),
    ],
    allowed: "Được quản lý danh sách thôn của xã thuộc phạm vi, có ngày hiệu lực và ghi nhật ký.",
  },
  "village.values.write": {
    checks: [
      scoped,
      rolesOnly(
        ["province_admin", "coordination_office", "commune_officer"],
        roleRefusal("Số liệu của thôn do xã nhập (hoặc tỉnh, Văn phòng điều phối sửa)."),
      ),
    ],
    allowed: "Được nhập số liệu của thôn thuộc phạm vi.",
  },
  "village.evidence.write": {
    checks: [
      scoped,
      rolesOnly(
        ["province_admin", "coordination_office", "commune_officer"],
        roleRefusal("Minh chứng số liệu của thôn do xã đính kèm (hoặc tỉnh, Văn phòng điều phối)."),
      ),
    ],
    allowed: "Được đính kèm và xóa tệp minh chứng số liệu của thôn thuộc phạm vi.",
  },
  "village.recognise": {
    checks: [
      scoped,
      rolesOnly(
        ["commune_officer"],
        roleRefusal("Thôn do UBND xã công nhận hoặc thu hồi: chỉ cán bộ xã thực hiện."),
      ),
    ],
    allowed: "Cán bộ xã ghi tự đánh giá của thôn và quyết định công nhận, thu hồi của xã.",
  },
  "assessment.write": {
    checks: [scoped, writesValues, ownCriterion],
    allowed: "Được cập nhật số liệu của đơn vị thuộc phạm vi.",
  },
  "audit.read": readInScope,
  "values.import": {
    checks: [writesValues],
    allowed: "Được nhập số liệu của các xã thuộc phạm vi; mỗi ô được kiểm tra quyền cập nhật.",
  },
  "values.export": readInScope,
  "evidence.read": readInScope,
  "evidence.upload": {
    checks: [scoped, writesValues, ownEvidenceCriterion],
    allowed: "Được tải minh chứng cho chỉ tiêu thuộc phạm vi.",
  },
  "evidence.delete": {
    checks: [scoped, writesValues, ownEvidenceCriterion],
    allowed: "Được xóa minh chứng của chỉ tiêu thuộc phạm vi.",
  },
  "catalog.read": { checks: [], allowed: "Mọi tài khoản được xem bộ tiêu chí." },
  "catalog.import": {
    checks: [provinceAdminOnly("Chỉ quản trị tỉnh được nhập bộ tiêu chí."), ownProvinceSet],
    allowed: "Quản trị tỉnh được nhập bộ tiêu chí cấp tỉnh của tỉnh mình.",
  },
  "catalog.carryover.set": {
    checks: [
      provinceAdminOnly(
        "Chỉ quản trị tỉnh được đổi cách chuyển tiếp công nhận sang bộ tiêu chí mới.",
      ),
      ownProvinceSetting,
    ],
    allowed: "Quản trị tỉnh được đổi cách chuyển tiếp công nhận của tỉnh mình.",
  },
  "publication.set": {
    checks: [
      provinceAdminOnly("Chỉ quản trị tỉnh được chọn dữ liệu công khai cho người dân."),
      ownProvinceSetting,
    ],
    allowed: "Quản trị tỉnh chọn dữ liệu của tỉnh mình được công khai, theo từng năm.",
  },
  "regime.read": { checks: [], allowed: "Mọi tài khoản được xem quy trình hồ sơ." },
  "regime.import": {
    checks: [provinceAdminOnly("Chỉ quản trị tỉnh được nhập quy trình hồ sơ.")],
    allowed: "Quản trị tỉnh được nhập quy trình hồ sơ.",
  },
  "dossier.read": { checks: [scoped], allowed: "Hồ sơ của đơn vị thuộc phạm vi." },
  "dossier.file": {
    checks: [scoped, rolesOnly(participants, readOnly), filer],
    allowed: "Được lập hồ sơ cho đơn vị thuộc phạm vi.",
  },
  "dossier.act": {
    checks: [scoped, rolesOnly(participants, readOnly), stepActor],
    allowed: "Được thực hiện bước hồ sơ của đơn vị thuộc phạm vi.",
  },
  "dossier.confirm": {
    checks: [
      scoped,
      rolesOnly(
        ["department", "coordination_office"],
        roleRefusal(
          "Chỉ sở, ngành phụ trách tiêu chí (hoặc Văn phòng điều phối) được xác nhận tiêu chí.",
        ),
      ),
      ownCriterion,
    ],
    allowed: "Được xác nhận tiêu chí của hồ sơ thuộc phạm vi.",
  },
  "dossier.attach": {
    checks: [scoped, rolesOnly(participants, readOnly), stepAttacher],
    allowed: "Được đính kèm tệp cho bước mình thực hiện.",
  },
  "dossier.overdue.read": {
    checks: [
      rolesOnly(
        [...provinceOffice, "district"],
        roleRefusal("Danh sách hồ sơ quá hạn dành cho Văn phòng điều phối và cấp huyện."),
      ),
    ],
    allowed: "Được xem hồ sơ quá hạn trong phạm vi.",
  },
  "dossier.batch.create": {
    checks: [
      scoped,
      rolesOnly(
        provinceOffice,
        roleRefusal("Chỉ Văn phòng điều phối hoặc quản trị tỉnh được tạo đợt xét công nhận."),
      ),
    ],
    allowed: "Được tạo đợt xét công nhận của tỉnh.",
  },
  "merger.decide": {
    checks: [
      scoped,
      rolesOnly(
        provinceOffice,
        roleRefusal(
          "Chỉ UBND tỉnh (quản trị tỉnh hoặc Văn phòng điều phối) được quyết định công nhận xã sau sáp nhập.",
        ),
      ),
    ],
    allowed: "Được quyết định công nhận xã hình thành do sáp nhập trong tỉnh.",
  },
  "recognition.import": {
    checks: [
      systemOnly("Quyết định công nhận đã ban hành chỉ được nhập bằng dòng lệnh của hệ thống."),
    ],
    allowed: "Hệ thống nhập quyết định công nhận đã ban hành.",
  },
  "feedback.read": {
    checks: [
      scoped,
      rolesOnly(
        [...feedbackModerators, "fatherland_front"],
        roleRefusal(
          "Ý kiến của người dân về hồ sơ do UBND xã, Mặt trận Tổ quốc xã và Văn phòng điều phối, quản trị tỉnh xem.",
        ),
      ),
    ],
    allowed: "Được xem ý kiến của người dân về hồ sơ thuộc phạm vi.",
  },
  "feedback.moderate": {
    checks: [
      scoped,
      rolesOnly(
        feedbackModerators,
        roleRefusal(
          "Chỉ cán bộ UBND xã có hồ sơ và Văn phòng điều phối, quản trị tỉnh được duyệt hoặc ẩn ý kiến của người dân.",
        ),
      ),
    ],
    allowed: "Được duyệt hoặc ẩn ý kiến của người dân về hồ sơ thuộc phạm vi.",
  },
  "report_type.create": {
    checks: [
      scoped,
      rolesOnly(
        provinceOffice,
        roleRefusal("Chỉ Văn phòng điều phối hoặc quản trị tỉnh được tạo loại báo cáo."),
      ),
      atReceiverUnit("Loại báo cáo do cơ quan nhận báo cáo cấp tỉnh tạo."),
    ],
    allowed: "Được tạo loại báo cáo của tỉnh.",
  },
  "report.period.open": {
    checks: [
      scoped,
      rolesOnly(provinceOffice, roleRefusal("Chỉ cơ quan nhận báo cáo được tạo kỳ báo cáo.")),
      atReceiverUnit("Chỉ cơ quan nhận báo cáo được tạo kỳ báo cáo."),
    ],
    allowed: "Cơ quan nhận báo cáo được mở kỳ báo cáo.",
  },
  "report.read": {
    checks: [submitterOrReceiver],
    allowed: "Đơn vị nộp hoặc cơ quan nhận báo cáo.",
  },
  "report.submit": { checks: [submitter], allowed: "Đơn vị phải báo cáo được nộp." },
  "report.return": {
    checks: [receiver("Chỉ cơ quan nhận báo cáo được trả lại báo cáo.")],
    allowed: "Cơ quan nhận báo cáo được trả lại báo cáo.",
  },
  "report.remind": {
    checks: [
      rolesOnly(
        [...provinceOffice, "district"],
        roleRefusal("Chỉ Văn phòng điều phối, quản trị tỉnh hoặc cấp huyện được nhắc nộp báo cáo."),
      ),
      reminder,
    ],
    allowed: "Cấp trên của đơn vị nộp (hoặc cơ quan nhận báo cáo) được nhắc nộp báo cáo.",
  },
  "report.rates.read": {
    checks: [scoped],
    allowed: "Tài khoản của tỉnh nhận báo cáo được xem bảng tỷ lệ.",
  },
  "report.consolidate": {
    checks: [
      scoped,
      rolesOnly(provinceOffice, roleRefusal("Chỉ cơ quan nhận báo cáo được lập báo cáo tổng hợp.")),
      atReceiverUnit("Chỉ cơ quan nhận báo cáo được lập báo cáo tổng hợp."),
    ],
    allowed: "Cơ quan nhận báo cáo được lập báo cáo tổng hợp.",
  },
  "obstacle.read": readInScope,
  "obstacle.raise": {
    checks: [
      scoped,
      rolesOnly(
        ["province_admin", "coordination_office", "department", "district", "commune_officer"],
        readOnly,
      ),
    ],
    allowed: "Được báo cáo khó khăn, vướng mắc của đơn vị thuộc phạm vi.",
  },
  "obstacle.act": {
    checks: [scoped, obstacleHolder],
    allowed: "Cấp đang giữ khó khăn, vướng mắc được xử lý hoặc chuyển lên.",
  },
  "target.write": {
    checks: [
      scoped,
      rolesOnly(
        [...provinceOffice, "district"],
        roleRefusal("Chỉ tỉnh, văn phòng điều phối và huyện được đặt mục tiêu."),
      ),
    ],
    allowed: "Được đặt mục tiêu cho đơn vị thuộc phạm vi.",
  },
  "plan.write": {
    checks: [
      scoped,
      rolesOnly(
        [...provinceOffice, "district", "commune_officer"],
        roleRefusal("Tài khoản này chỉ được xem kế hoạch."),
      ),
    ],
    allowed: "Được lập kế hoạch cho xã thuộc phạm vi.",
  },
  "department.read": {
    checks: [scoped, ownDepartment],
    allowed: "Được xem tiêu chí của sở, ngành trong tỉnh.",
  },
  "ocop.read": {
    checks: [scoped],
    allowed: "Được xem sản phẩm OCOP của đơn vị thuộc phạm vi.",
  },
  "ocop.write": {
    checks: [
      scoped,
      rolesOnly(
        ocopKeepers,
        roleRefusal(
          "Chỉ quản trị tỉnh, Văn phòng điều phối hoặc sở, ngành của tỉnh được cập nhật sản phẩm OCOP.",
        ),
      ),
    ],
    allowed: "Được cập nhật sản phẩm OCOP của các xã trong tỉnh.",
  },
  "user.read": accountRule,
  "user.create": accountRule,
  "user.disable": accountRule,
  "user.password.reset": accountRule,
  "user.sessions.end": accountRule,
  "user.password.change": {
    checks: [ownAccount],
    allowed: "Được đổi mật khẩu của chính mình.",
  },
  "job.read": {
    checks: [scoped, jobManagers("Chỉ quản trị được xem các tác vụ nền.")],
    allowed: "Quản trị xem các tác vụ nền của tỉnh thuộc phạm vi.",
  },
  "job.start": {
    checks: [scoped, jobManagers("Chỉ quản trị được chạy tác vụ nền.")],
    allowed: "Quản trị chạy tác vụ nền cho tỉnh thuộc phạm vi.",
  },
};

/** Every action of the product, in the table's order. */
export const actions = Object.keys(policy) as Action[];

/** Decides whether an actor may take an action on a resource, and why. */
export function can<A extends Action>(
  actor: Actor,
  action: A,
  ...[resource]: ResourceArgs<A>
): Decision {
  if (actor.role === "system") {
    return allow("Hệ thống (dòng lệnh, nạp dữ liệu) được thực hiện mọi thao tác.", "system");
  }
  const rule = policy[action] as Rule<ResourceOf<A>>;
  for (const check of rule.checks) {
    const refusal = check(actor as AccountActor, resource as ResourceOf<A>);
    if (refusal) return refusal;
  }
  return allow(rule.allowed);
}
