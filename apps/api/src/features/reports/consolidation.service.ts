import type { Db } from "@ntm/db";
import {
  consolidateReports,
  formatDateVi,
  timelinessNames,
  timelinessOf,
  type SubmissionState,
} from "@ntm/domain";
import type { ReportFigures } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { contentTypes } from "../../shared/download.ts";
import type { AuthUser } from "../auth/index.ts";
import { renderDocx, type AdminDocument } from "../../shared/documents/index.ts";
import { createWorkbook, workbookBuffer } from "../../shared/spreadsheets/index.ts";
import { findUnitOn } from "../units/index.ts";
import { today as localDate } from "../../shared/clock.ts";
import { findSubmissions } from "./reports.repository.ts";
import { receiverUnit } from "./report-access.ts";
import { draftFigures, linkedFigures } from "./report-figures.ts";
import { requirePeriodOf } from "./report-period.ts";
import { requireType } from "./report-type-view.ts";
import { submitterName, submitterNames } from "./submission-view.ts";

export interface ConsolidatedRow {
  name: string;
  state: string;
  timeliness: string;
  submittedOn: string | null;
  figures: ReportFigures | null;
  narrative: string;
}

/** Everything the consolidated report of one type and period is made of. */
export interface ConsolidatedReport {
  provinceName: string;
  typeName: string;
  periodLabel: string;
  today: string;
  rows: ConsolidatedRow[];
  live: ReportFigures;
  consolidation: ReturnType<typeof consolidateReports>;
}

const stateNames: Record<string, string> = {
  draft: "Chưa nộp",
  submitted: "Đã nộp",
  returned: "Bị trả lại",
};

/** The type and submissions of a period the user may consolidate; refused before any work. */
async function consolidationOf(
  db: Db,
  options: { user: AuthUser; typeId: number; periodKey: string; now: Date },
) {
  const today = localDate(options.now);
  const type = await mayConsolidate(db, options);
  requirePeriodOf(type, options.periodKey);
  const submissions = await findSubmissions(db, {
    typeId: type.id,
    periodKey: options.periodKey,
  });
  const first = submissions[0];
  if (!first) {
    throw notFound(
      `Chưa có báo cáo nào của kỳ ${options.periodKey}.`,
      `No reports for period ${options.periodKey}.`,
    );
  }
  return { today, type, submissions, first };
}

/** The report type, when the user is its receiving office (403 otherwise). */
export async function mayConsolidate(
  db: Db,
  options: { user: AuthUser; typeId: number; now: Date },
) {
  const type = await requireType(db, options.typeId);
  assertCan(
    options.user,
    "report.consolidate",
    await receiverUnit(db, type, localDate(options.now)),
  );
  return type;
}

/** What a consolidated report asked for is named on the jobs page; refused as the report would be. */
export async function checkConsolidation(
  db: Db,
  options: { user: AuthUser; typeId: number; periodKey: string; now: Date },
) {
  const { type, first } = await consolidationOf(db, options);
  return {
    typeName: type.name,
    periodLabel: first.periodLabel,
    receiverUnitCode: type.receiverUnitCode,
  };
}

/**
 * The province's report for a period: the submitted reports below it added up, beside the live
 * figures of the whole province. Only the receiving office builds it.
 */
export async function buildConsolidatedReport(
  db: Db,
  options: { user: AuthUser; typeId: number; periodKey: string; now: Date },
): Promise<ConsolidatedReport> {
  const { today, type, submissions, first } = await consolidationOf(db, options);
  const names = await submitterNames(db, submissions, today);
  const province = await findUnitOn(db, type.receiverUnitCode, today);
  const rows = submissions
    .map((row) => {
      const status = timelinessOf({
        dueDate: row.dueDate,
        state: row.state as SubmissionState,
        submittedOn: row.submittedOn,
        today,
      });
      const submitted = row.state === "submitted";
      return {
        name: submitterName(row, names),
        state: stateNames[row.state] ?? row.state,
        timelinessKey: status.timeliness,
        timeliness: timelinessNames[status.timeliness],
        submittedOn: row.submittedOn,
        figures: submitted ? (row.snapshot as ReportFigures) : null,
        narrative: submitted ? row.narrative : "",
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const provinceRow = { ...first, unitCode: type.receiverUnitCode, departmentCode: "" };
  const live = await draftFigures(
    db,
    provinceRow,
    await linkedFigures(db, provinceRow, options.user, options.now),
  );
  return {
    provinceName: province?.name ?? type.receiverUnitCode,
    typeName: type.name,
    periodLabel: first.periodLabel,
    today,
    rows: rows.map(({ timelinessKey: _key, ...row }) => row),
    live,
    consolidation: consolidateReports(
      rows.map((row) => ({
        submitterName: row.name,
        timeliness: row.timelinessKey,
        figures: row.figures,
      })),
    ),
  };
}

const numberVi = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined
    ? "–"
    : value.toLocaleString("vi-VN", { maximumFractionDigits: digits });

/** The consolidated report as an administrative document (NĐ 30/2020/NĐ-CP layout). */
export function consolidatedDocument(report: ConsolidatedReport, signer: string): AdminDocument {
  const { live, consolidation } = report;
  const total = consolidation.submitted;
  const place = report.provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, "");
  const paragraphs = [
    `Văn phòng Điều phối nông thôn mới ${report.provinceName} tổng hợp ${report.typeName.toLowerCase()}, ${report.periodLabel.toLowerCase()}, như sau:`,
    "I. TÌNH HÌNH BÁO CÁO",
    consolidation.summary,
    "II. KẾT QUẢ THỰC HIỆN (số liệu trên hệ thống)",
    `Toàn tỉnh có ${numberVi(live.communes)} xã, trong đó ${numberVi(live.communesAssessed)} xã có kết quả đánh giá năm ${live.year}; bình quân ${numberVi(live.averageCriteriaMet, 1)} tiêu chí/xã; ${numberVi(live.byLevel.standard)} xã đạt chuẩn nông thôn mới, ${numberVi(live.byLevel.advanced)} xã đạt chuẩn nâng cao, ${numberVi(live.byLevel.model)} xã đạt chuẩn kiểu mẫu.`,
    `Trong kỳ có ${numberVi(live.valuesUpdated)} lượt cập nhật chỉ tiêu; ${numberVi(live.obstaclesOpen)} khó khăn, vướng mắc chưa giải quyết, trong đó ${numberVi(live.obstaclesOverdue)} quá hạn xử lý.`,
    ...(live.targets
      ? [
          `Mục tiêu: ${live.targets.total} mục tiêu, ${live.targets.met} đã đạt, ${live.targets.onTrack} đúng tiến độ, ${live.targets.atRisk} có nguy cơ, ${live.targets.offTrack} chậm tiến độ.`,
        ]
      : []),
    ...(live.planMoney
      ? [
          `Kế hoạch vốn năm ${live.planMoney.year}: ${live.planMoney.communesWithPlan} xã có kế hoạch, tổng nhu cầu ${numberVi(live.planMoney.investment)} đồng, đã bố trí ${numberVi(live.planMoney.funded)} đồng.`,
        ]
      : []),
    `Theo các báo cáo đã gửi: ${numberVi(total.communesAssessed)} xã có kết quả, bình quân ${numberVi(total.averageCriteriaMet, 1)} tiêu chí/xã, ${numberVi(total.byLevel.standard)} xã đạt chuẩn, ${numberVi(total.obstaclesOpen)} khó khăn, vướng mắc chưa giải quyết.`,
    "III. BÁO CÁO CỦA CÁC ĐƠN VỊ",
    ...report.rows.map((row) =>
      row.figures
        ? `${row.name} (nộp ngày ${formatDateVi(row.submittedOn!)}): ${row.narrative.trim() || "không có nội dung thuyết minh."}`
        : `${row.name}: ${row.timeliness.toLowerCase()}.`,
    ),
    "Chi tiết số liệu từng đơn vị tại Phụ lục kèm theo.",
  ];
  return {
    issuer: `VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI ${report.provinceName.toUpperCase()}`,
    number: "      /BC-VPĐP",
    place,
    date: report.today,
    title: "BÁO CÁO",
    subtitle: `${report.typeName} — ${report.periodLabel}`,
    paragraphs,
    table: {
      headers: ["TT", "Đơn vị", "Tình trạng", "Số xã", "Bình quân tiêu chí", "Xã đạt chuẩn"],
      rows: report.rows.map((row, index) => [
        String(index + 1),
        row.name,
        row.timeliness,
        numberVi(row.figures?.communes),
        numberVi(row.figures?.averageCriteriaMet, 1),
        numberVi(row.figures?.byLevel.standard),
      ]),
    },
    signer: { title: "CHÁNH VĂN PHÒNG", name: signer },
  };
}

export function consolidatedDocx(report: ConsolidatedReport, signer: string): Promise<Buffer> {
  return renderDocx(consolidatedDocument(report, signer));
}

/** The Excel annex: one row per submitting unit with its figures and status, and the totals. */
export async function consolidatedAnnex(report: ConsolidatedReport): Promise<Buffer> {
  const workbook = await createWorkbook();
  const sheet = workbook.addWorksheet("Phụ lục", {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  const columns = [
    { header: "TT", width: 5, format: "0" },
    { header: "Đơn vị", width: 30 },
    { header: "Tình trạng nộp", width: 14 },
    { header: "Đúng hạn", width: 18 },
    { header: "Ngày nộp", width: 12, format: "dd/mm/yyyy" },
    { header: "Số xã", width: 9, format: "#,##0" },
    { header: "Số xã có kết quả", width: 11, format: "#,##0" },
    { header: "Bình quân tiêu chí/xã", width: 12, format: "#,##0.0" },
    { header: "Xã đạt chuẩn NTM", width: 11, format: "#,##0" },
    { header: "Xã NTM nâng cao", width: 11, format: "#,##0" },
    { header: "Xã NTM kiểu mẫu", width: 11, format: "#,##0" },
    { header: "Khó khăn chưa giải quyết", width: 12, format: "#,##0" },
    { header: "Khó khăn quá hạn", width: 11, format: "#,##0" },
  ];
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value =
    `PHỤ LỤC: SỐ LIỆU CÁC ĐƠN VỊ — ${report.typeName.toUpperCase()} — ${report.periodLabel.toUpperCase()}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  const header = sheet.getRow(3);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.border = { bottom: { style: "thin" } };
    sheet.getColumn(index + 1).width = column.width;
    if (column.format) sheet.getColumn(index + 1).numFmt = column.format;
  });
  header.height = 45;
  report.rows.forEach((row, index) => {
    const f = row.figures;
    sheet.addRow([
      index + 1,
      row.name,
      row.state,
      row.timeliness,
      row.submittedOn ? new Date(`${row.submittedOn}T00:00:00Z`) : null,
      f?.communes ?? null,
      f?.communesAssessed ?? null,
      f?.averageCriteriaMet ?? null,
      f?.byLevel.standard ?? null,
      f?.byLevel.advanced ?? null,
      f?.byLevel.model ?? null,
      f?.obstaclesOpen ?? null,
      f?.obstaclesOverdue ?? null,
    ]);
  });
  const total = report.consolidation.submitted;
  const totals = sheet.addRow([
    null,
    "Tổng cộng (các báo cáo đã nộp)",
    `${report.rows.filter((row) => row.figures).length}/${report.rows.length}`,
    report.consolidation.rate.onTimeRate === null
      ? null
      : `${String(report.consolidation.rate.onTimeRate).replace(".", ",")}% đúng hạn`,
    null,
    total.communes,
    total.communesAssessed,
    total.averageCriteriaMet,
    total.byLevel.standard,
    total.byLevel.advanced,
    total.byLevel.model,
    total.obstaclesOpen,
    total.obstaclesOverdue,
  ]);
  totals.font = { bold: true };
  return workbookBuffer(workbook);
}

export type ConsolidatedFormat = "docx" | "xlsx";

/** The report (Word) or its annex (Excel) as a file: asked directly, or built by a job. */
export async function consolidatedFile(
  db: Db,
  options: {
    user: AuthUser;
    typeId: number;
    periodKey: string;
    format: ConsolidatedFormat;
    now: Date;
  },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const report = await buildConsolidatedReport(db, options);
  const base = `bao-cao-tong-hop-${options.periodKey}`;
  return options.format === "xlsx"
    ? {
        fileName: `${base}-phu-luc.xlsx`,
        contentType: contentTypes.xlsx,
        body: await consolidatedAnnex(report),
      }
    : {
        fileName: `${base}.docx`,
        contentType: contentTypes.docx,
        body: await consolidatedDocx(report, ""),
      };
}
