import { describeAuditBreak } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";
import type { RestoreReport } from "../backup/restore-backup.ts";
import { restoreDatabase } from "../backup/restore-backup.ts";
import { backupDatabase } from "../backup/write-backup.ts";

export { backupTables } from "../backup/backup.repository.ts";
export { backupDatabase, restoreDatabase };

const mib = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;

export async function backupCommand(file: string) {
  await withDatabase(async ({ database, dataDir }) => {
    const manifest = await backupDatabase(database, file, { dataDir });
    const rows = Object.values(manifest.rows).reduce((sum, count) => sum + count, 0);
    const bytes = manifest.files.reduce((sum, stored) => sum + stored.size, 0);
    console.log(
      `Đã sao lưu ${rows} dòng của ${Object.keys(manifest.rows).length} bảng và ${manifest.files.length} tệp (${mib(bytes)}) vào ${file}.`,
    );
    if (manifest.audit) {
      console.log(
        `Nhật ký thay đổi: ${manifest.audit.length} dòng, mã băm cuối ${manifest.audit.lastHash}.`,
      );
    }
    if (manifest.missingFiles.length > 0) {
      console.log(
        `Cảnh báo: ${manifest.missingFiles.length} tệp có trong dữ liệu nhưng không còn trong thư mục dữ liệu, không được sao lưu: ${manifest.missingFiles.join(", ")}`,
      );
    }
  });
}

/** The restore's check, table by table, then files and the audit chain. */
export function formatRestoreReport(file: string, report: RestoreReport): string {
  const lines = [
    `Đã khôi phục từ ${file}${report.createdAt ? ` (sao lưu lúc ${report.createdAt})` : ""}.`,
  ];
  if (report.version < 2) {
    lines.push(
      "Bản sao lưu định dạng cũ: không có tệp đính kèm và danh sách kiểm tra; không đối chiếu được.",
    );
  }
  const empty = report.tables.filter((table) => table.restored === 0 && !table.expected);
  for (const table of report.tables) {
    if (empty.includes(table)) continue;
    const mark =
      table.expected === null
        ? ""
        : table.expected === table.restored
          ? " ✓"
          : ` ✗ (bản sao lưu ghi ${table.expected})`;
    lines.push(`  ${table.table}: ${table.restored} dòng${mark}`);
  }
  if (empty.length > 0) lines.push(`  ${empty.length} bảng khác: trống`);
  const bad = report.files.filter((stored) => !stored.matches);
  lines.push(
    `Tệp: ${report.files.length} tệp đã đặt lại vào thư mục dữ liệu, ${report.files.length - bad.length} khớp mã SHA-256${bad.length ? `, không khớp: ${bad.map((stored) => stored.path).join(", ")}` : ""}.`,
  );
  if (report.missingFiles.length > 0) {
    lines.push(
      `Cảnh báo: ${report.missingFiles.length} tệp đã thiếu khi sao lưu: ${report.missingFiles.join(", ")}`,
    );
  }
  lines.push(
    report.verified
      ? "Kiểm tra: số dòng từng bảng và mã SHA-256 từng tệp khớp bản sao lưu."
      : "Kiểm tra: không đối chiếu được đầy đủ với bản sao lưu.",
  );
  lines.push(
    report.audit.ok
      ? `Nhật ký thay đổi: chuỗi băm hợp lệ, ${report.audit.rows} dòng (kể cả dòng ghi việc khôi phục này).`
      : `Nhật ký thay đổi: ${describeAuditBreak(report.audit.firstBreak ?? { kind: "head-missing" })}`,
  );
  return lines.join("\n");
}

export async function restoreCommand(file: string) {
  await withDatabase(async ({ database, dataDir }) => {
    const report = await restoreDatabase(database, file, { dataDir });
    console.log(formatRestoreReport(file, report));
    if (!report.audit.ok) process.exitCode = 1;
  });
}
