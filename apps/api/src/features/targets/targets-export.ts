import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import type { UnitTargetsResponse } from "@ntm/contracts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Excel shows these with the reader's separators: "1.234,5" in a Vietnamese Excel. */
const numberFormat = "#,##0.##";

/**
 * Streams the targets of a unit as a workbook: one sheet of targets with their progress, one of
 * the communes behind each target. Rows are committed as they are written.
 */
export async function sendTargetsWorkbook(reply: FastifyReply, body: UnitTargetsResponse) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  workbook.creator = "NTM Monitor";
  const sheet = workbook.addWorksheet("Mục tiêu");
  sheet.columns = [
    { header: "Đơn vị", key: "unit", width: 22 },
    { header: "Mục tiêu", key: "name", width: 50 },
    { header: "Năm gốc", key: "baseline", width: 10 },
    { header: "Hạn", key: "deadline", width: 8 },
    { header: "Chỉ tiêu", key: "target", width: 12, style: { numFmt: numberFormat } },
    { header: "Kết quả", key: "actual", width: 12, style: { numFmt: numberFormat } },
    { header: "Còn thiếu", key: "gap", width: 12, style: { numFmt: numberFormat } },
    { header: "Đơn vị tính", key: "measure", width: 14 },
    { header: "Năm số liệu", key: "year", width: 12 },
    { header: "Trạng thái", key: "status", width: 16 },
    { header: "Căn cứ đánh giá", key: "rule", width: 80 },
    { header: "Văn bản giao", key: "source", width: 36 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const { target, progress } of body.targets) {
    sheet
      .addRow({
        unit: target.unitName,
        name: target.name,
        baseline: target.baselineYear,
        deadline: target.deadlineYear,
        target: progress.target,
        actual: progress.actual,
        gap: progress.gap,
        measure: progress.unit,
        year: progress.year,
        status: progress.statusName,
        rule: progress.rule,
        source: target.source ?? "",
      })
      .commit();
  }
  sheet.commit();
  const behind = workbook.addWorksheet("Xã chưa đạt");
  behind.columns = [
    { header: "Mục tiêu", key: "target", width: 50 },
    { header: "Xã", key: "name", width: 24 },
    { header: "Huyện", key: "parent", width: 22 },
    { header: "Số tiêu chí đạt", key: "met", width: 14 },
    { header: "Yêu cầu", key: "required", width: 30 },
    { header: "Tiêu chí chưa đạt", key: "missing", width: 40 },
    { header: "Đủ tốc độ", key: "pace", width: 10 },
  ];
  behind.getRow(1).font = { bold: true };
  for (const { target, progress } of body.targets) {
    for (const row of progress.behind) {
      behind
        .addRow({
          target: target.name,
          name: row.name,
          parent: row.parentName ?? "",
          met: row.criteriaMet,
          required: row.required,
          missing: row.missing.join(", "),
          pace: row.onPace ? "Có" : "Không",
        })
        .commit();
    }
  }
  behind.commit();
  const done = workbook.commit();
  void reply
    .header("content-type", xlsxType)
    .header(
      "content-disposition",
      `attachment; filename="muc-tieu-${body.unit.code}-${body.year}.xlsx"`,
    )
    .send(stream);
  await done;
  return reply;
}
