import {
  actOnDossier,
  createDossier,
  createDossierBatch,
  importRecognitions,
  systemUser,
  writeValuesBulk,
  type AuthUser,
} from "@ntm/api";
import { tables, type Database } from "@ntm/db";
import type { Role, StepCode, StepData } from "@ntm/domain";
import { and, eq, inArray } from "drizzle-orm";

const actor = (role: Role, unitCode: string): AuthUser => ({
  ...systemUser,
  id: 0,
  username: "minh-hoa",
  displayName: "Dữ liệu minh họa",
  role,
  unitCode,
});

const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

/** Step data of the demo dossiers (illustrative numbers, dates relative to the batch). */
const steps: [StepCode, Role, string, StepData][] = [
  [
    "self_assessment",
    "commune_officer",
    "2023-09-05",
    { reportNumber: "45/BC-UBND", reportDate: "2023-09-05" },
  ],
  [
    "front_comments",
    "fatherland_front",
    "2023-09-12",
    {
      comments: [
        {
          organisation: "Ủy ban MTTQ Việt Nam xã",
          date: "2023-09-11",
          content: "Nhất trí với báo cáo; đề nghị bổ sung số liệu thu nhập.",
        },
      ],
    },
  ],
  [
    "public_posting",
    "commune_officer",
    "2023-09-28",
    {
      postingFrom: "2023-09-13",
      postingTo: "2023-09-27",
      places: ["Trụ sở UBND xã", "Nhà văn hóa các thôn"],
      broadcasts: ["2023-09-13", "2023-09-16", "2023-09-19", "2023-09-22", "2023-09-25"],
    },
  ],
  [
    "satisfaction_survey",
    "fatherland_front",
    "2023-10-12",
    { formsIssued: 350, formsReturned: 336, formsSatisfied: 318, contents: [] },
  ],
  [
    "verification",
    "district",
    "2023-11-05",
    {
      reportNumber: "112/BC-UBND",
      reportDate: "2023-11-03",
      noticeDate: "2023-11-05",
      noConstructionDebt: true,
      debtEvidence: "Báo cáo của Kho bạc Nhà nước huyện (minh họa)",
      securityNotComplicated: true,
    },
  ],
  [
    "appraisal",
    "coordination_office",
    "2023-12-05",
    { siteVisitDate: "2023-12-01", siteVisitNote: "Kiểm tra thực tế phù hợp với hồ sơ." },
  ],
  [
    "council_vote",
    "coordination_office",
    "2023-12-15",
    {
      meetingDate: "2023-12-14",
      members: [
        { name: "Thành viên 1", vote: "for" },
        { name: "Thành viên 2", vote: "for" },
        { name: "Thành viên 3", vote: "for" },
        { name: "Thành viên 4", vote: "against" },
      ],
    },
  ],
  [
    "decision",
    "province_admin",
    "2023-12-26",
    {
      decisionNumber: "1520/QĐ-UBND (minh họa)",
      decisionDate: "2023-12-22",
      signer: "Chủ tịch UBND tỉnh",
      publishedOn: "2023-12-25",
    },
  ],
];

/**
 * Demo dossiers for the demo province: two batches with the seed's deadlines, recognitions of 2022
 * consistent with the stored results, dossiers at different steps (one returned, one decided) and
 * one recognised commune whose 2024 values make it a revocation candidate.
 */
export async function seedDossiers(
  database: Database,
  options: { provinceCode: string; log: (line: string) => void },
) {
  const db = database.db;
  const { provinceCode } = options;
  const office = actor("coordination_office", provinceCode);
  const batch1 = await createDossierBatch(db, {
    user: office,
    input: { provinceCode, name: "Đợt 1 năm 2023", year: 2023, deadline: "2023-11-30" },
  });
  const batch2 = await createDossierBatch(db, {
    user: office,
    input: { provinceCode, name: "Đợt 2 năm 2023", year: 2023, deadline: "2024-02-28" },
  });

  const r = tables.evaluationResults;
  const results = await db
    .select({ unitCode: r.unitCode, year: r.year, level: r.level, criteriaMet: r.criteriaMet })
    .from(r)
    .where(inArray(r.year, [2022, 2023]));
  const recognised2022 = results
    .filter((row) => row.year === 2022 && row.level !== null)
    .map((row) => row.unitCode)
    .sort();
  await importRecognitions(db, {
    by: systemUser,
    demo: true,
    rows: recognised2022.map((unitCode) => ({
      unitCode,
      level: "standard",
      year: 2022,
      decisionNumber: "2105/QĐ-UBND (minh họa)",
      decisionDate: "2022-12-20",
    })),
  });

  const near = results
    .filter((row) => row.year === 2023 && !recognised2022.includes(row.unitCode))
    .sort((a, b) => b.criteriaMet - a.criteriaMet || a.unitCode.localeCompare(b.unitCode));
  const decided = near.find((row) => row.level !== null);
  const [returned, posting] = near.filter((row) => row !== decided);

  async function walk(
    unitCode: string,
    batchId: number,
    until: StepCode | null,
    returnAt?: StepCode,
  ) {
    const dossier = await createDossier(db, {
      user: actor("commune_officer", provinceCode),
      input: { kind: "recognition", unitCode, year: 2023, requestedLevel: "standard", batchId },
      now: at("2023-09-01"),
      demo: true,
    });
    for (const [step, role, date, data] of steps) {
      if (step === until) break;
      if (step === "appraisal") {
        await actOnDossier(db, {
          user: office,
          id: dossier.id,
          action: { type: "confirm", criteria: dossier.state.snapshot.criteria.map((c) => c.code) },
          now: at("2023-11-28"),
        });
      }
      await actOnDossier(db, {
        user: actor(role, provinceCode),
        id: dossier.id,
        action: { type: "complete", step, data },
        now: at(date),
      });
      if (step === "satisfaction_survey" && returnAt === "verification") {
        await actOnDossier(db, {
          user: actor("district", provinceCode),
          id: dossier.id,
          action: {
            type: "return",
            reasons: [
              { criterionCode: "17", text: "Bổ sung minh chứng về thu gom rác thải (minh họa)." },
            ],
          },
          now: at("2023-10-20"),
        });
        await actOnDossier(db, {
          user: actor("fatherland_front", provinceCode),
          id: dossier.id,
          action: { type: "complete", step, data },
          now: at("2023-10-25"),
        });
      }
    }
  }
  if (decided) await walk(decided.unitCode, batch1.id, null);
  if (returned) await walk(returned.unitCode, batch2.id, "appraisal", "verification");
  if (posting) await walk(posting.unitCode, batch2.id, "public_posting");

  // One commune recognised in 2022 slips in 2024: income and environment values below the thresholds.
  const candidate = recognised2022[0];
  if (candidate) {
    const v = tables.assessmentValues;
    const current = await db
      .select()
      .from(v)
      .where(and(eq(v.unitCode, candidate), eq(v.year, 2024)));
    const lowered = current
      .filter(
        (row) => /^(10|17|2|3|4|5|6|7|8|9)\./.test(row.indicatorCode) && row.numValue !== null,
      )
      .map((row) => ({
        unitCode: candidate,
        year: 2024,
        indicatorCode: row.indicatorCode,
        value: 0,
        note: "giảm để minh họa xã thuộc diện thu hồi",
      }));
    await writeValuesBulk(db, {
      rows: lowered,
      by: systemUser,
      now: at("2024-12-15"),
      demo: true,
      source: "dữ liệu minh họa",
    });
  }
  options.log(
    `Đã tạo ${recognised2022.length} quyết định công nhận năm 2022, 3 hồ sơ xét công nhận và 1 xã thuộc diện thu hồi (minh họa).`,
  );
}
