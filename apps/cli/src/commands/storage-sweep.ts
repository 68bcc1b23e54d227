import { createFileStorage, defaultGraceSeconds, sweepOrphanFiles, systemUser } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

const dateTime = (date: Date) =>
  date.toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour12: false });

/**
 * `ntm storage sweep`: removes the stored files (evidence, dossier scans, jobs' files) that no
 * row names and that are older than the grace period, what a server stopped between storing an
 * upload and committing its row leaves. The servers run the same sweep once a day.
 */
export async function storageSweepCommand(options: { dryRun?: boolean; graceMinutes?: string }) {
  const graceSeconds =
    options.graceMinutes === undefined ? defaultGraceSeconds : Number(options.graceMinutes) * 60;
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0) {
    console.error("--grace-minutes phải là một số phút nguyên, không âm.");
    process.exitCode = 1;
    return;
  }
  await withDatabase(async ({ database, config }) => {
    const storage = createFileStorage(config);
    const sweep = await sweepOrphanFiles(database.db, storage, {
      now: new Date(),
      graceSeconds,
      dryRun: options.dryRun === true,
      by: { id: systemUser.id, username: systemUser.username },
    });
    const where = storage.kind === "s3" ? "kho tệp S3" : "thư mục dữ liệu";
    for (const orphan of sweep.orphans) {
      console.log(`${orphan.key}\t${dateTime(orphan.modifiedAt)}`);
    }
    console.log(
      sweep.dryRun
        ? `Chạy thử: ${sweep.orphans.length} tệp không hồ sơ nào dùng, cũ hơn ${graceSeconds / 60} phút, sẽ bị xoá (trong ${sweep.scanned} tệp của ${where}); chưa xoá tệp nào.`
        : `Đã xoá ${sweep.removed} tệp không hồ sơ nào dùng, cũ hơn ${graceSeconds / 60} phút (trong ${sweep.scanned} tệp của ${where}).`,
    );
    for (const failure of sweep.failed) {
      console.error(`Không xoá được ${failure.key}: ${failure.error}`);
    }
    if (sweep.failed.length > 0) process.exitCode = 1;
  });
}
