import { describeAuditBreak, verifyAuditChain } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

/** `ntm audit verify`: walks the hash chain; exit code 1 and the first broken link if any. */
export async function auditVerifyCommand() {
  await withDatabase(async ({ database }) => {
    const report = await verifyAuditChain(database.db);
    if (report.sealed > 0) {
      console.log(`Đã đưa ${report.sealed} dòng nhật ký ghi trước khi có chuỗi băm vào chuỗi.`);
    }
    if (report.ok) {
      console.log(
        `Nhật ký thay đổi toàn vẹn: ${report.rows} dòng, mã băm cuối ${report.lastHash}.`,
      );
      return;
    }
    console.log(
      `Nhật ký thay đổi bị can thiệp: ${describeAuditBreak(report.firstBreak ?? { kind: "head-missing" })}`,
    );
    console.log(`Đã kiểm tra ${report.rows} dòng trong chuỗi.`);
    process.exitCode = 1;
  });
}
