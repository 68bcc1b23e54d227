import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import { exportValues, importValues, systemUser, type ImportProgress } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

const phaseNames: Record<ImportProgress["phase"], string> = {
  read: "Đọc tệp",
  check: "Kiểm tra",
  write: "Ghi và đánh giá lại",
  done: "Xong",
};

/** `ntm import values FILE [--dry-run]`: checks every cell; writes everything or nothing. */
export async function importValuesCommand(file: string, options: { dryRun: boolean }) {
  const content = await readFile(file);
  await withDatabase(async ({ database }) => {
    const report = await importValues(database.db, {
      user: systemUser,
      fileName: basename(file),
      content,
      dryRun: options.dryRun,
      now: new Date(),
      onProgress: (progress) => {
        const share =
          progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
        process.stderr.write(
          `${phaseNames[progress.phase]}: ${progress.done}/${progress.total} (${share} %)\n`,
        );
      },
    });
    if (!report.ok) {
      console.error(`Tệp có ${report.errorCount} lỗi; chưa lưu giá trị nào.`);
      for (const error of report.errors) console.error(`  - ${error.cell}: ${error.message}`);
      if (report.errorCount > report.errors.length) {
        console.error(`  … và ${report.errorCount - report.errors.length} lỗi khác.`);
      }
      process.exitCode = 1;
      return;
    }
    const verb = report.dryRun ? "Kiểm tra xong (chưa lưu)" : "Đã nhập";
    console.log(
      `${verb}: ${report.values} giá trị của ${report.units} xã (${report.format === "wide" ? "mẫu theo xã" : "dạng dọc"}); ${report.valuesChanged} giá trị thay đổi.`,
    );
    for (const change of report.changes.slice(0, 50)) {
      const criteria =
        change.criteriaMetAfter === null
          ? ""
          : `, đạt ${change.criteriaMetBefore ?? "?"} → ${change.criteriaMetAfter}/${change.criteriaTotal} tiêu chí`;
      console.log(
        `  ${change.unitName} (${change.unitCode}) ${change.year}: ${change.valuesChanged} giá trị${criteria}`,
      );
    }
  });
}

/** `ntm export values --unit CODE --year YYYY [--out FILE]`: the long format, streamed. */
export async function exportValuesCommand(options: { unit: string; year: string; out?: string }) {
  const year = Number(options.year);
  if (!Number.isInteger(year)) throw new Error(`Năm "${options.year}" không hợp lệ.`);
  const out = options.out ?? `so-lieu-${options.unit}-${year}.xlsx`;
  await withDatabase(async ({ database }) => {
    // The command line acts for the unit it is asked about.
    const user = { ...systemUser, unitCode: options.unit };
    const { stream, done } = await exportValues(database.db, {
      user,
      unit: options.unit,
      year,
      format: out.toLowerCase().endsWith(".csv") ? "csv" : "xlsx",
    });
    await pipeline(stream, createWriteStream(out));
    console.log(`Đã xuất ${await done} giá trị vào ${out}.`);
  });
}
