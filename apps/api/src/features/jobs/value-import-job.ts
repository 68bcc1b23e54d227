import { buffer } from "node:stream/consumers";
import type { ImportReport } from "@ntm/contracts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { findAccountById, toAuthUser } from "../auth/index.ts";
import { importValues, uploadLimits } from "../reports/index.ts";
import type { JobHandler } from "./job-queue.ts";

/** What the upload of a value import job records in its row. */
export interface ValueImportInput {
  /** The stored upload (`jobs/uploads/<uuid>.<ext>`); the row names it, so no sweep removes it. */
  fileKey: string;
  fileName: string;
  size: number;
  userId: number;
}

/** The stored file a job produced: the per-cell error report of a refused import. */
export const errorReportName = (fileName: string) => `loi-${fileName.replace(/\.[^.]+$/, "")}.csv`;

const csvCell = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Lines as a CSV that Excel opens in Vietnamese (UTF-8 with its byte order mark). */
export function csvFile(lines: (string | number | null)[][]): Buffer {
  const text = lines.map((line) => line.map(csvCell).join(",")).join("\r\n");
  return Buffer.concat([Buffer.from("\uFEFF"), Buffer.from(`${text}\r\n`)]);
}

/** The refused cells as a CSV. */
export function errorReportCsv(report: ImportReport): Buffer {
  const lines = [
    ["Ô", "Dòng", "Cột", "Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Lỗi"],
    ...report.errors.map((error) => [
      error.cell,
      error.row,
      error.column,
      error.unitCode,
      error.unitName,
      error.indicatorCode,
      error.indicatorName,
      error.message,
    ]),
  ];
  if (report.errorCount > report.errors.length) {
    lines.push([
      `… và ${report.errorCount - report.errors.length} lỗi khác: sửa các lỗi trên rồi gửi lại tệp để xem tiếp.`,
    ]);
  }
  return csvFile(lines);
}

/** Progress is written at most every this many values checked: one short update each. */
const progressStep = 5000;

/**
 * Imports a stored value workbook as the account that uploaded it: every cell checked as the
 * request would, nothing saved while one is wrong (one transaction). A refused file completes
 * the job with its error report stored beside the upload. A retry after a crash either finds
 * nothing committed and imports again, or writes the same values again (upserts).
 */
export function valueImportJob(storage: FileStorage): JobHandler {
  return async ({ db, jobId, input, now, progress }) => {
    const { fileKey, fileName, userId } = input as unknown as ValueImportInput;
    const account = await findAccountById(db, userId);
    if (!account?.active) {
      throw new Error("Tài khoản đã gửi tệp bị khoá hoặc không còn: không nhập số liệu.");
    }
    const user = await toAuthUser(db, account);
    const content = await buffer(await storage.get(fileKey));
    let written = Promise.resolve();
    let last = -progressStep;
    const report = await importValues(db, {
      user,
      fileName,
      content,
      dryRun: false,
      now: now(),
      limits: uploadLimits,
      onProgress: ({ phase, done, total }) => {
        if (phase !== "check" || done - last < progressStep) return;
        last = done;
        written = written.then(() => progress(done, Math.max(done, total)));
      },
    });
    await written;
    await progress(report.values, report.values);
    const summary = {
      ok: report.ok,
      rows: report.rows,
      values: report.values,
      valuesChanged: report.valuesChanged,
      units: report.units,
      errorCount: report.errorCount,
      fileName,
      report,
    };
    if (report.ok) return summary;
    const errorKey = `jobs/${jobId}/${errorReportName(fileName).replace(/[^A-Za-z0-9._-]/g, "_")}`;
    await storage.put(errorKey, errorReportCsv(report), { contentType: "text/csv" });
    return { ...summary, fileKey: errorKey, resultName: errorReportName(fileName) };
  };
}
