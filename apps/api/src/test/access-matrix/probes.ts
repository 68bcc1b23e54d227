import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Action, Actor, ResourceArgs, Role, StepCode, StepData } from "@ntm/domain";
import type { AuthUser } from "../../features/auth/index.ts";
import { importUnits } from "../../features/units/index.ts";
import { importBoundaries } from "../../features/targets/maps.service.ts";
import { importRecognitions } from "../../features/dossiers/index.ts";
import { registerProduct } from "../../features/ocop/index.ts";
import { uploadEvidence } from "../../features/evidence/evidence.service.ts";
import { findAssessment } from "../../features/assessments/assessments.repository.ts";
import { findSubmission } from "../../features/reports/reports.repository.ts";
import { createUser } from "../../features/users/index.ts";
import { systemUser } from "../../features/auth/index.ts";
import { fixtureSet } from "../fixture-set.ts";
import { villageProbes } from "./village-probes.ts";
import { feedbackProbes } from "./feedback-probes.ts";
import { createLocalStorage } from "../../shared/storage/index.ts";
import { fixedNow, loginAs, testPassword } from "../test-app.ts";
import { multipart, tinyPdf } from "../multipart.ts";
import {
  pdfUpload,
  regime,
  regimeFile,
  setCode,
  units,
  year,
  type Side,
  type World,
} from "./world.ts";

/** A product certified in a commune in January 2024, valid on the test day (15/6/2024). */
const ocopProduct = (name: string, communeCode: string) => ({
  name,
  producerKind: "cooperative" as const,
  producerName: "HTX Nông nghiệp Đăk Pék",
  producerEmail: null,
  groupCode: "food" as const,
  communeCode,
  certificate: {
    scores: { A: 30, B: 18, C: 25 },
    stars: 4,
    decisionNumber: "15/QĐ-UBND",
    decisionDate: "2024-01-10",
    issuer: "UBND tỉnh",
    issuerLevel: "province" as const,
  },
});
const ocopProducts = new Map<string, Promise<number>>();
/** One product per commune, registered once by the system. */
const ocopProductIn = (world: World, communeCode: string) => {
  const known = ocopProducts.get(communeCode);
  if (known) return known;
  const made = registerProduct(world.t.database.db, {
    user: systemUser,
    input: ocopProduct(`Mật ong ${communeCode}`, communeCode),
    now: fixedNow,
  }).then((product) => product.id);
  ocopProducts.set(communeCode, made);
  return made;
};

/** What one role is asked to do on one side of the matrix. */
export interface Case<A extends Action> {
  /** What the policy is asked. */
  resource: ResourceArgs<A>;
  /** What the server is asked, as the role's account (or `as`, another account of that role). */
  request?: InjectOptions;
  as?: { username: string; actor: Actor };
  /** The answer that means the server let the action through; any 2xx when absent. */
  passes?: (response: LightMyRequestResponse) => boolean;
  /** For a list: whether the answer shows the resource (shown: allowed; hidden: refused). */
  shows?: (response: LightMyRequestResponse) => boolean;
  /** For an action only the command line takes: the service, called as the account. */
  service?: (user: AuthUser) => Promise<unknown>;
}

export interface Probe<A extends Action> {
  /**
   * "inside" is in every account's scope, "outside" in none; some actions have only one side, some
   * a third one inside the scope (a criterion no department account is in charge of, a step of
   * another role).
   */
  sides: readonly string[];
  prepare: (world: World, role: Role, side: string) => Promise<Case<A>>;
}

const both = ["inside", "outside"] as const;
const only = ["inside"] as const;
const criterionSides = ["inside", "outside", "criterion 10"] as const;
const stepSides = ["inside", "outside", "another role's step"] as const;
const sideOf = (world: World, side: string): Side =>
  side === "outside" ? world.outside : world.inside;
const statusIn =
  (...statuses: number[]) =>
  (response: LightMyRequestResponse) =>
    statuses.includes(response.statusCode);
/** Criterion 3 (indicator 3.1) is the department account's; 10 (indicator 10.1) is not. */
const criterionOf = (side: string) =>
  side === "criterion 10"
    ? { criterion: { setCode, criterionCode: "10" }, indicatorCode: "10.1", value: 46 }
    : { criterion: { setCode, criterionCode: "3" }, indicatorCode: "3.1", value: 85 };

/**
 * The step the role acts on in the regime (the first one for a role that acts on none), or on the
 * third side a step another role acts on.
 */
function stepOf(role: Role, side: string) {
  const own = regime.steps.find((step) => step.actingRole === role);
  const other = regime.steps.find((step) => step.actingRole !== role);
  return (side === "another role's step" ? other : (own ?? regime.steps[0])) as NonNullable<
    typeof own
  >;
}

const stepData: Partial<Record<StepCode, StepData>> = {
  self_assessment: { reportNumber: "12/BC-UBND", reportDate: "2024-05-05" },
  front_comments: {
    comments: [{ organisation: "Ủy ban MTTQ xã", date: "2024-05-10", content: "Nhất trí" }],
  },
  public_posting: {
    postingFrom: "2024-05-11",
    postingTo: "2024-05-25",
    places: ["Trụ sở UBND xã"],
    broadcasts: ["2024-05-11", "2024-05-13", "2024-05-15", "2024-05-18", "2024-05-21"],
  },
  satisfaction_survey: { formsIssued: 200, formsReturned: 190, formsSatisfied: 180, contents: [] },
  verification: {
    reportNumber: "45/BC-UBND",
    reportDate: "2024-05-20",
    noticeDate: "2024-05-22",
    noConstructionDebt: true,
    debtEvidence: "Báo cáo của Kho bạc huyện",
    securityNotComplicated: true,
  },
  appraisal: { siteVisitDate: "2024-05-30", siteVisitNote: "Đúng thực tế" },
  council_vote: {
    meetingDate: "2024-06-01",
    members: [
      { name: "A", vote: "for" },
      { name: "B", vote: "for" },
    ],
  },
  decision: {
    decisionNumber: "1234/QĐ-UBND",
    decisionDate: "2024-06-05",
    signer: "Chủ tịch UBND tỉnh",
    publishedOn: "2024-06-06",
  },
};

/** The unit an account sets targets for: its own, or its commune's district. */
const targetUnitOf = (role: Role, side: string) =>
  side === "outside"
    ? "P02"
    : ((
        { district: "D01", commune_officer: "D01", fatherland_front: "D01" } as Partial<
          Record<Role, string>
        >
      )[role] ?? "P01");

/** A new account of the commune on the side, for actions that change or end an account. */
async function freshAccount(world: World, side: string, role: Role = "viewer") {
  const username = world.fresh(`tk-${side}`);
  await createUser(world.t.database.db, {
    input: { username, password: testPassword, role, unitCode: sideOf(world, side).commune },
    by: systemUser,
  });
  return username;
}

/** A fresh open obstacle raised by the commune on the side, held by the commune. */
async function freshObstacle(world: World, side: string) {
  const s = sideOf(world, side);
  const response = await world.call(side === "inside" ? "xa1" : "xa21", {
    method: "POST",
    url: "/api/obstacles",
    payload: {
      unitCode: s.commune,
      title: "Thiếu vốn làm kênh mương",
      criterionCodes: ["3"],
      dueDate: "2024-07-01",
    },
  });
  return response.json().id as number;
}

/** One probe per action of the policy table: the compiler refuses a table without one. */
export const probes: { [A in Action]: Probe<A> } = {
  ...villageProbes,
  ...feedbackProbes,
  "unit.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      return { resource: [units[code]!], request: { method: "GET", url: `/api/units/${code}` } };
    },
  },
  "unit.edit": {
    sides: ["inside", "outside", "the province itself"],
    prepare: async (world, _role, side) => {
      const code = side === "the province itself" ? "P01" : sideOf(world, side).commune;
      return {
        resource: [units[code]!],
        request: {
          method: "POST",
          url: `/api/units/${code}/changes`,
          payload: {
            effectiveFrom: "2024-01-01",
            basis: "Nghị quyết thử nghiệm",
            name: world.fresh("Tên mới"),
          },
        },
      };
    },
  },
  "units.import": {
    sides: only,
    prepare: async (world) => ({
      resource: [],
      service: (user) =>
        importUnits(world.t.database.db, {
          user,
          rows: [
            {
              code: world.fresh("Z"),
              name: "Tỉnh Mới",
              level: "province",
              validFrom: "2025-07-01",
              flags: [],
            },
          ],
        }),
    }),
  },
  "reform.import": {
    sides: only,
    prepare: async () => ({
      resource: [],
      request: { method: "POST", url: "/api/admin/reform-import", payload: { dryRun: true } },
    }),
  },
  "boundaries.import": {
    sides: only,
    prepare: async (world) => ({
      resource: [],
      service: (user) =>
        importBoundaries(world.t.database.db, {
          user,
          document: { type: "FeatureCollection", features: [] },
          codeProperty: "ma",
          source: "ma-tran",
          schematic: true,
          now: fixedNow,
        }),
    }),
  },
  "recognition.import": {
    sides: only,
    prepare: async (world) => ({
      resource: [],
      service: (user) =>
        importRecognitions(world.t.database.db, { by: user, demo: false, rows: [] }),
    }),
  },
  "assessment.write": {
    sides: criterionSides,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      const { criterion, indicatorCode, value } = criterionOf(side);
      const assessment = await findAssessment(world.t.database.db, code, year);
      return {
        resource: [{ ...units[code]!, criterion }],
        request: {
          method: "PUT",
          url: `/api/units/${code}/assessments/${year}/values`,
          payload: {
            version: assessment?.version ?? 0,
            values: [{ indicatorCode, value }],
          },
        },
      };
    },
  },
  "audit.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      return {
        resource: [units[code]!],
        request: { method: "GET", url: `/api/audit?unit=${code}` },
      };
    },
  },
  "values.import": {
    sides: only,
    prepare: async () => {
      const csv = "ma_don_vi,ma_chi_tieu,nam,gia_tri\nX01,3.1,2024,85\n";
      const form = multipart(
        {},
        { name: "so-lieu.csv", content: Buffer.from(csv), type: "text/csv" },
      );
      return {
        resource: [],
        request: {
          method: "POST",
          url: "/api/import/values?dryRun=true",
          headers: { "content-type": form.contentType },
          payload: form.payload,
        },
        // A dry run with cells the account may not write answers with their errors, not a refusal.
        passes: statusIn(200, 422),
      };
    },
  },
  "values.export": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      return {
        resource: [units[code]!],
        request: { method: "GET", url: `/api/export/values?unit=${code}&year=${year}&format=csv` },
      };
    },
  },
  "evidence.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [units[s.commune]!],
        request: { method: "GET", url: `/api/evidence/${s.evidenceId}` },
      };
    },
  },
  "evidence.upload": {
    sides: criterionSides,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      const { criterion, indicatorCode } = criterionOf(side);
      return {
        resource: [{ ...units[code]!, criterion }],
        request: {
          method: "POST",
          url: `/api/units/${code}/assessments/${year}/evidence`,
          ...pdfUpload({ indicatorCode }),
        },
      };
    },
  },
  "evidence.delete": {
    sides: criterionSides,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      const { criterion, indicatorCode } = criterionOf(side);
      const evidence = await uploadEvidence(world.t.database.db, {
        user: systemUser,
        storage: createLocalStorage(world.t.dataDir),
        code,
        year,
        indicatorCode,
        fileName: "xoa.pdf",
        content: tinyPdf,
        truncated: false,
      });
      return {
        resource: [{ ...units[code]!, criterion }],
        request: { method: "DELETE", url: `/api/evidence/${evidence.id}` },
      };
    },
  },
  "catalog.read": {
    sides: only,
    prepare: async () => ({ resource: [], request: { method: "GET", url: "/api/catalog/sets" } }),
  },
  "catalog.import": {
    sides: ["inside", "outside", "national"],
    prepare: async (world, _role, side) => {
      const version = Number(world.fresh("v").split("-")[1]);
      const basis = { document: "Quyết định thử nghiệm", date: "2024-01-10" };
      const provinceCode = side === "national" ? null : sideOf(world, side).province;
      const document =
        provinceCode === null
          ? fixtureSet({ version: version + 1 })
          : {
              kind: "provincial-override",
              code: `test-commune-${provinceCode.toLowerCase()}`,
              version,
              name: "Bộ tiêu chí thử nghiệm của tỉnh",
              provinceCode,
              basedOn: { code: setCode, version: 1 },
              basis,
              overrides: [
                {
                  indicatorCode: "10.1",
                  levels: ["standard"],
                  thresholds: [{ level: "standard", value: 50, basis, status: "confirmed" }],
                },
              ],
            };
      return {
        resource: [{ provinceCode }],
        request: { method: "POST", url: "/api/catalog/sets", payload: document },
      };
    },
  },
  "catalog.carryover.set": {
    sides: both,
    prepare: async (world, _role, side) => {
      const provinceCode = sideOf(world, side).province;
      return {
        resource: [{ provinceCode }],
        request: {
          method: "PUT",
          url: `/api/catalog/carry-over/${provinceCode}`,
          payload: { mode: "keep_until_reassessed", basis: null },
        },
      };
    },
  },
  "publication.set": {
    sides: both,
    prepare: async (world, _role, side) => {
      const provinceCode = sideOf(world, side).province;
      return {
        resource: [{ provinceCode }],
        request: {
          method: "PUT",
          url: `/api/provinces/${provinceCode}/publication`,
          payload: { entries: [{ year: 2024, kinds: ["communes"] }] },
        },
      };
    },
  },
  "regime.read": {
    sides: only,
    prepare: async () => ({
      resource: [],
      request: { method: "GET", url: "/api/dossier-regimes" },
    }),
  },
  "regime.import": {
    sides: only,
    prepare: async () => ({
      resource: [],
      request: { method: "POST", url: "/api/dossier-regimes", payload: regimeFile },
    }),
  },
  "dossier.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [units[s.commune]!],
        request: { method: "GET", url: `/api/dossiers/${s.dossierId}` },
      };
    },
  },
  "dossier.file": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [{ ...units[s.commune]!, step: regime.steps[0]! }],
        request: {
          method: "POST",
          url: "/api/dossiers",
          payload: { unitCode: s.commune, year, requestedLevel: "standard", batchId: s.batchId },
        },
        // The commune already has an open dossier: refused as a conflict once access is granted.
        passes: statusIn(201, 409),
      };
    },
  },
  "dossier.act": {
    sides: stepSides,
    prepare: async (world, role, side) => {
      const s = sideOf(world, side);
      const step = stepOf(role, side);
      return {
        resource: [{ ...units[s.commune]!, step }],
        request: {
          method: "POST",
          url: `/api/dossiers/${s.dossierId}/steps/${step.code}/complete`,
          payload: stepData[step.code] as object,
        },
        // The step may not be the one waiting: a conflict once access is granted.
        passes: statusIn(200, 409),
      };
    },
  },
  "dossier.confirm": {
    sides: criterionSides,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      const { criterion } = criterionOf(side);
      return {
        resource: [{ ...units[s.commune]!, criterion }],
        request: {
          method: "POST",
          url: `/api/dossiers/${s.dossierId}/confirmations`,
          payload: { criteria: [criterion.criterionCode] },
        },
        // Criteria are confirmed at appraisal only: a conflict before, once access is granted.
        passes: statusIn(200, 409),
      };
    },
  },
  "dossier.attach": {
    sides: stepSides,
    prepare: async (world, role, side) => {
      const s = sideOf(world, side);
      const step = stepOf(role, side);
      return {
        resource: [{ ...units[s.commune]!, step }],
        request: {
          method: "POST",
          url: `/api/dossiers/${s.dossierId}/documents`,
          ...pdfUpload({ stepCode: step.code }),
        },
      };
    },
  },
  "dossier.overdue.read": {
    sides: only,
    prepare: async () => ({
      resource: [],
      request: { method: "GET", url: "/api/dossiers/overdue" },
    }),
  },
  "dossier.batch.create": {
    sides: both,
    prepare: async (world, _role, side) => {
      const province = sideOf(world, side).province;
      return {
        resource: [units[province]!],
        request: {
          method: "POST",
          url: "/api/dossier-batches",
          payload: {
            provinceCode: province,
            name: world.fresh("Đợt"),
            year,
            deadline: "2024-12-31",
          },
        },
      };
    },
  },
  "merger.decide": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      return {
        resource: [units[code]!],
        request: {
          method: "POST",
          url: `/api/units/${code}/merger-recognition`,
          payload: { decisionNumber: "1/QĐ", decisionDate: "2024-06-01", signer: "Chủ tịch" },
        },
        // No commune of the test world was formed by a merger: past access, the answer says so.
        passes: (response) =>
          response.statusCode === 404 && response.body.includes("không hình thành từ sáp nhập"),
      };
    },
  },
  "report_type.create": {
    sides: only,
    prepare: async (world, role) => {
      const own = world.actors[role].unitCode;
      return {
        resource: [units[own]!],
        request: {
          method: "POST",
          url: "/api/report-types",
          payload: {
            code: world.fresh("loai"),
            name: "Báo cáo quý",
            cadence: "quarterly",
            dueRule: { kind: "workingDaysAfter", days: 15 },
            submitterLevel: "district",
          },
        },
      };
    },
  },
  "report.period.open": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [units[s.province]!],
        request: {
          method: "POST",
          url: "/api/reports/generate",
          payload: { typeId: s.reportTypeId, period: "2024-M04" },
        },
      };
    },
  },
  "report.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [
          { submitter: units[s.district]!, departmentCode: null, receiverUnitCode: s.province },
        ],
        request: { method: "GET", url: `/api/reports/${s.reportId}` },
      };
    },
  },
  "report.submit": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      const row = await findSubmission(world.t.database.db, s.reportId);
      return {
        resource: [
          { submitter: units[s.district]!, departmentCode: null, receiverUnitCode: s.province },
        ],
        request: {
          method: "POST",
          url: `/api/reports/${s.reportId}/submit`,
          payload: { narrative: "Báo cáo tháng 5", version: row?.version ?? 0 },
        },
        // A report already submitted is submitted again only after a return: a conflict.
        passes: statusIn(200, 409),
      };
    },
  },
  "report.return": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [
          { submitter: units[s.district]!, departmentCode: null, receiverUnitCode: s.province },
        ],
        request: {
          method: "POST",
          url: `/api/reports/${s.reportId}/return`,
          payload: { reason: "Thiếu số liệu xã" },
        },
        // Only a submitted report can be returned: a conflict otherwise.
        passes: statusIn(200, 409),
      };
    },
  },
  "report.remind": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [
          { submitter: units[s.district]!, departmentCode: null, receiverUnitCode: s.province },
        ],
        request: { method: "POST", url: "/api/reports/remind", payload: { ids: [s.reportId] } },
        // A report already submitted (by the submit probe) needs no reminder: a conflict.
        passes: statusIn(200, 409),
      };
    },
  },
  "report.rates.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [units[s.province]!],
        request: { method: "GET", url: `/api/reports/rates?type=${s.reportTypeId}` },
      };
    },
  },
  "report.consolidate": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [units[s.province]!],
        request: {
          method: "GET",
          url: `/api/reports/consolidated?type=${s.reportTypeId}&period=2024-M05&format=xlsx`,
        },
      };
    },
  },
  "obstacle.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      return {
        resource: [units[code]!],
        request: { method: "GET", url: `/api/obstacles?unit=${code}` },
        shows: (response) =>
          (response.json() as { unitCode: string }[]).some((row) => row.unitCode === code),
      };
    },
  },
  "obstacle.raise": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      return {
        resource: [units[code]!],
        request: {
          method: "POST",
          url: "/api/obstacles",
          payload: {
            unitCode: code,
            title: "Chậm giải phóng mặt bằng",
            criterionCodes: ["3"],
            dueDate: "2024-07-01",
          },
        },
      };
    },
  },
  "obstacle.act": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      const id = await freshObstacle(world, side);
      return {
        resource: [{ ...units[code]!, holder: "commune", criterionCodes: ["3"] }],
        request: {
          method: "POST",
          url: `/api/obstacles/${id}/resolve`,
          payload: { answer: "Đã bố trí vốn" },
        },
      };
    },
  },
  "target.write": {
    sides: both,
    prepare: async (world, role, side) => {
      const code = targetUnitOf(role, side);
      return {
        resource: [units[code]!],
        request: {
          method: "POST",
          url: "/api/targets",
          payload: {
            unitCode: code,
            name: "Ít nhất 2 xã đạt chuẩn NTM đến năm 2025",
            kind: "communesAtLevel",
            level: "standard",
            baselineYear: 2022,
            deadlineYear: 2025,
            value: 2,
          },
        },
      };
    },
  },
  "plan.write": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      const reader = side === "inside" ? "admin" : "admin2";
      const current = await world.call(reader, {
        method: "GET",
        url: `/api/units/${code}/plans/2025`,
      });
      return {
        resource: [units[code]!],
        request: {
          method: "PUT",
          url: `/api/units/${code}/plans/2025`,
          payload: {
            version: current.json().version,
            criteria: ["3"],
            landUseFeeRevenue: 0,
            items: [{ criterionCode: "3", investment: 1_000_000, funding: {}, tasks: [] }],
          },
        },
      };
    },
  },
  "department.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const s = sideOf(world, side);
      return {
        resource: [
          { ...units[s.province]!, departmentCode: side === "inside" ? "so-nn" : "so-nn2" },
        ],
        request: { method: "GET", url: `/api/departments/${s.departmentId}/criteria-status` },
      };
    },
  },
  "ocop.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const commune = sideOf(world, side).commune;
      return {
        resource: [units[commune]!],
        request: {
          method: "GET",
          url: `/api/ocop/products/${await ocopProductIn(world, commune)}`,
        },
      };
    },
  },
  "ocop.write": {
    sides: both,
    prepare: async (world, _role, side) => {
      const commune = sideOf(world, side).commune;
      return {
        resource: [units[commune]!],
        request: {
          method: "POST",
          url: "/api/ocop/products",
          payload: ocopProduct(world.fresh("Mật ong"), commune),
        },
      };
    },
  },
  "user.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      const username = side === "inside" ? "xa1" : "xa21";
      return {
        resource: [{ ...units[code]!, role: "commune_officer" }],
        request: { method: "GET", url: "/api/users" },
        shows: (response) =>
          (response.json().users as { username: string }[]).some(
            (row) => row.username === username,
          ),
      };
    },
  },
  "user.create": {
    sides: both,
    prepare: async (world, _role, side) => {
      const code = sideOf(world, side).commune;
      return {
        resource: [{ ...units[code]!, role: "viewer" }],
        request: {
          method: "POST",
          url: "/api/users",
          payload: {
            username: world.fresh("moi"),
            password: "mat-khau-du-dai-2024",
            role: "viewer",
            unitCode: code,
          },
        },
      };
    },
  },
  "user.disable": {
    sides: both,
    prepare: async (world, _role, side) => {
      const username = await freshAccount(world, side);
      return {
        resource: [{ ...units[sideOf(world, side).commune]!, role: "viewer" }],
        request: { method: "POST", url: `/api/users/${username}/disable` },
      };
    },
  },
  "user.password.reset": {
    sides: both,
    prepare: async (world, _role, side) => {
      const username = await freshAccount(world, side);
      return {
        resource: [{ ...units[sideOf(world, side).commune]!, role: "viewer" }],
        request: { method: "POST", url: `/api/users/${username}/reset-password` },
      };
    },
  },
  "user.sessions.end": {
    sides: both,
    prepare: async (world, _role, side) => {
      const username = await freshAccount(world, side);
      return {
        resource: [{ ...units[sideOf(world, side).commune]!, role: "viewer" }],
        request: { method: "POST", url: `/api/users/${username}/end-sessions` },
      };
    },
  },
  "user.password.change": {
    sides: only,
    prepare: async (world, role) => {
      // An account of the role made for this request, so the matrix's own accounts keep theirs.
      const username = world.fresh(`doi-mk-${role.replace("_", "-")}`);
      const own = await createUser(world.t.database.db, {
        input: {
          username,
          password: testPassword,
          role,
          unitCode: world.actors[role].unitCode,
          ...(role === "department" ? { departmentCode: "so-nn" } : {}),
        },
        by: systemUser,
      });
      world.cookies[username] = await loginAs(world.t.app, username);
      return {
        resource: [{ userId: own.id }],
        as: { username, actor: { ...world.actors[role], userId: own.id } },
        request: {
          method: "PUT",
          url: "/api/users/me/password",
          payload: { currentPassword: testPassword, newPassword: "mat-khau-moi-du-dai-2024" },
        },
      };
    },
  },
  "job.read": {
    sides: both,
    prepare: async (world, _role, side) => {
      const province = sideOf(world, side).province;
      return {
        resource: [units[province]!],
        request: { method: "GET", url: `/api/jobs?province=${province}` },
      };
    },
  },
  "job.start": {
    sides: both,
    prepare: async (world, _role, side) => {
      const province = sideOf(world, side).province;
      return {
        resource: [units[province]!],
        request: {
          method: "POST",
          url: "/api/jobs/re-evaluation",
          payload: { province, year },
        },
      };
    },
  },
};
