import type { Role } from "../access/roles.ts";

export type DossierKind = "recognition" | "revocation";
export type DossierUnitLevel = "commune" | "district";
/** Levels a dossier can ask for: communes standard/advanced/model, districts standard/advanced. */
export type RequestedLevel = "standard" | "advanced" | "model";

export type StepCode =
  | "self_assessment"
  | "front_comments"
  | "public_posting"
  | "satisfaction_survey"
  | "verification"
  | "appraisal"
  | "council_vote"
  | "decision"
  | "revocation_proposal"
  | "revocation_review"
  | "revocation_decision";

/** When a step is due: a number of days before the batch deadline, or after the previous step. */
export type StepDueRule =
  { kind: "beforeBatchDeadline"; days: number } | { kind: "afterPrevious"; days: number };

/** Whether a detail comes from a cited source or is a default the province must confirm. */
export type ConfigOrigin = "source" | "default";

export interface StepDefinition {
  code: StepCode;
  name: string;
  actingRole: Role;
  /** Documents that belong to the step (names as the offices use them). */
  documents: string[];
  due: StepDueRule;
  dueOrigin: ConfigOrigin;
}

export interface SatisfactionRule {
  /** Minimum overall share of satisfied residents, in percent. */
  overall: number;
  /** Districts: minimum share for every content in every commune, in percent. */
  perContentEachCommune?: number;
  origin: ConfigOrigin;
}

export interface RegimeRules {
  minBroadcasts: number;
  broadcastWindowDays: number;
  satisfaction: Record<DossierUnitLevel, SatisfactionRule>;
  /** Share of council members voting for, strictly above which the council approves. */
  councilApprovalShare: number;
  councilOrigin: ConfigOrigin;
  /** Revocation watch: share of unmet criteria that starts the key-criteria rule, and the share that alone triggers. */
  revocation: { keyShare: number; anyShare: number; districtCommuneShare: number };
}

/** A legal regime and period: the ordered steps, who acts, and the numeric rules. */
export interface RegimeConfig {
  code: string;
  name: string;
  kind: DossierKind;
  /** ISO dates; validTo inclusive, null while in force. */
  validFrom: string;
  validTo: string | null;
  basis: string;
  steps: StepDefinition[];
  rules: RegimeRules;
}

const rules: RegimeRules = {
  minBroadcasts: 5,
  broadcastWindowDays: 15,
  satisfaction: {
    // QĐ 18/2022 says only "đáp ứng yêu cầu theo quy định" for communes: the province sets the number.
    commune: { overall: 80, origin: "default" },
    // QĐ 320/QĐ-TTg Phụ lục I: ≥ 90 % overall and ≥ 80 % per content in every commune.
    district: { overall: 90, perContentEachCommune: 80, origin: "source" },
  },
  councilApprovalShare: 0.5,
  councilOrigin: "default",
  revocation: { keyShare: 0.3, anyShare: 0.5, districtCommuneShare: 0.3 },
};

const localSteps = (documentsPrefix: string): StepDefinition[] => [
  {
    code: "self_assessment",
    name: "Báo cáo tự đánh giá kết quả thực hiện",
    actingRole: "commune_officer",
    documents: [
      `Báo cáo kết quả xây dựng NTM của ${documentsPrefix}`,
      "Kết quả đánh giá các tiêu chí",
    ],
    due: { kind: "beforeBatchDeadline", days: 75 },
    dueOrigin: "default",
  },
  {
    code: "front_comments",
    name: "Lấy ý kiến Mặt trận Tổ quốc và các tổ chức",
    actingRole: "commune_officer",
    documents: ["Ý kiến tham gia của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"],
    due: { kind: "beforeBatchDeadline", days: 60 },
    dueOrigin: "default",
  },
  {
    code: "public_posting",
    name: "Công bố, niêm yết công khai và thông báo trên loa",
    actingRole: "commune_officer",
    documents: ["Biên bản niêm yết công khai", "Sổ theo dõi phát thanh"],
    due: { kind: "beforeBatchDeadline", days: 40 },
    dueOrigin: "default",
  },
  {
    code: "satisfaction_survey",
    name: "Lấy ý kiến sự hài lòng của người dân (Mặt trận Tổ quốc)",
    actingRole: "commune_officer",
    documents: ["Báo cáo kết quả lấy ý kiến sự hài lòng của người dân"],
    due: { kind: "beforeBatchDeadline", days: 15 },
    dueOrigin: "default",
  },
];

const provincialSteps: StepDefinition[] = [
  {
    code: "appraisal",
    name: "Thẩm định của tỉnh (các sở, ngành xác nhận tiêu chí; kiểm tra thực tế)",
    actingRole: "coordination_office",
    documents: ["Văn bản xác nhận của các sở, ngành", "Biên bản kiểm tra thực tế"],
    due: { kind: "afterPrevious", days: 30 },
    dueOrigin: "default",
  },
  {
    code: "council_vote",
    name: "Hội đồng thẩm định bỏ phiếu",
    actingRole: "coordination_office",
    documents: ["Biên bản họp Hội đồng thẩm định", "Phiếu biểu quyết"],
    due: { kind: "afterPrevious", days: 15 },
    dueOrigin: "default",
  },
  {
    code: "decision",
    name: "Quyết định công nhận và công bố",
    actingRole: "province_admin",
    documents: ["Tờ trình đề nghị công nhận", "Quyết định công nhận"],
    due: { kind: "afterPrevious", days: 10 },
    dueOrigin: "default",
  },
];

const verification = (actingRole: Role, who: string): StepDefinition => ({
  code: "verification",
  name: `Thẩm tra (${who}) và thông báo công khai`,
  actingRole,
  documents: ["Báo cáo thẩm tra", "Thông báo kết quả thẩm tra"],
  due: { kind: "beforeBatchDeadline", days: 0 },
  dueOrigin: "default",
});

const revocationSteps = (proposer: Role): StepDefinition[] => [
  {
    code: "revocation_proposal",
    name: "Đề nghị thu hồi quyết định công nhận",
    actingRole: proposer,
    documents: ["Báo cáo rà soát, đánh giá mức đạt tiêu chí", "Tờ trình đề nghị thu hồi"],
    due: { kind: "beforeBatchDeadline", days: 30 },
    dueOrigin: "default",
  },
  {
    code: "revocation_review",
    name: "Thẩm định đề nghị thu hồi",
    actingRole: "coordination_office",
    documents: ["Báo cáo thẩm định"],
    due: { kind: "afterPrevious", days: 20 },
    dueOrigin: "default",
  },
  {
    code: "revocation_decision",
    name: "Quyết định thu hồi và công bố",
    actingRole: "province_admin",
    documents: ["Quyết định thu hồi"],
    due: { kind: "afterPrevious", days: 10 },
    dueOrigin: "default",
  },
];

/** The regimes shipped with the product; a province may replace any of them with its own. */
export const regimes: RegimeConfig[] = [
  {
    code: "qd18-2022-3cap",
    name: "QĐ 18/2022/QĐ-TTg — chính quyền ba cấp (cấp huyện thẩm tra)",
    kind: "recognition",
    validFrom: "2022-08-02",
    validTo: "2025-06-30",
    basis: "QĐ 18/2022/QĐ-TTg ngày 02/8/2022",
    steps: [...localSteps("xã"), verification("district", "UBND cấp huyện"), ...provincialSteps],
    rules,
  },
  {
    code: "qd18-2022-2cap",
    name: "QĐ 18/2022/QĐ-TTg — chính quyền hai cấp (cấp tỉnh thẩm tra)",
    kind: "recognition",
    validFrom: "2025-07-01",
    validTo: null,
    basis: "QĐ 18/2022/QĐ-TTg; NĐ 131/2025/NĐ-CP (phân định thẩm quyền chính quyền hai cấp)",
    steps: [
      ...localSteps("xã"),
      verification("coordination_office", "cơ quan cấp tỉnh"),
      ...provincialSteps,
    ],
    rules,
  },
  {
    code: "qd18-thu-hoi-3cap",
    name: "Thu hồi quyết định công nhận — chính quyền ba cấp",
    kind: "revocation",
    validFrom: "2022-08-02",
    validTo: "2025-06-30",
    basis: "QĐ 18/2022/QĐ-TTg, Điều 23–24",
    steps: revocationSteps("district"),
    rules,
  },
  {
    code: "qd18-thu-hoi-2cap",
    name: "Thu hồi quyết định công nhận — chính quyền hai cấp",
    kind: "revocation",
    validFrom: "2025-07-01",
    validTo: null,
    basis: "QĐ 18/2022/QĐ-TTg, Điều 23–24; NĐ 131/2025/NĐ-CP Điều 44",
    steps: revocationSteps("coordination_office"),
    rules,
  },
];

/** The regime of a kind in force on a date (the filing date of the dossier). */
export function regimeFor(
  kind: DossierKind,
  date: string,
  available: readonly RegimeConfig[] = regimes,
): RegimeConfig | undefined {
  return available.find(
    (regime) =>
      regime.kind === kind &&
      regime.validFrom <= date &&
      (regime.validTo === null || regime.validTo >= date),
  );
}

export const requestedLevelNames: Record<
  DossierUnitLevel,
  Partial<Record<RequestedLevel, string>>
> = {
  commune: {
    standard: "xã đạt chuẩn nông thôn mới",
    advanced: "xã đạt chuẩn nông thôn mới nâng cao",
    model: "xã nông thôn mới kiểu mẫu",
  },
  district: {
    standard: "huyện đạt chuẩn nông thôn mới",
    advanced: "huyện đạt chuẩn nông thôn mới nâng cao",
  },
};
