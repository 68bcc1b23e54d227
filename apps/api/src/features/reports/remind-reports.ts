import type { Db } from "@ntm/db";
import type { RemindResult } from "@ntm/contracts";
import { formatDateVi } from "@ntm/domain";
import { AppError, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import type { MailConfig } from "../../shared/config.ts";
import { queueMail } from "../../shared/mail/index.ts";
import type { AuthUser } from "../auth/index.ts";
import {
  findReportTypes,
  findSubmissionsByIds,
  findSubmitterAddresses,
  insertReminder,
} from "./reports.repository.ts";
import { reportResource, unitResource } from "./report-access.ts";
import { submitterName, submitterNames } from "./submission-view.ts";
import { scopeOf } from "./unit-scope.ts";

/**
 * "Nhắc nộp": reminds the submitters of the chosen reports, in the app (their "Việc của tôi") and
 * by one e-mail to each submitter's address. All or nothing: a report outside the actor's scope
 * refuses the whole request with the policy's reason, and nothing is recorded or queued. A report
 * already reminded today is left as it is, so a second click sends nothing twice.
 */
export async function remindReports(
  db: Db,
  options: { user: AuthUser; ids: number[]; now: Date; mail: MailConfig | null },
): Promise<RemindResult> {
  const { user, now } = options;
  const today = localDate(now);
  const ids = [...new Set(options.ids)];
  const rows = await findSubmissionsByIds(db, ids);
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined) {
    throw notFound(`Không có báo cáo số ${missing}.`, `No report ${missing}.`);
  }
  const scope = await scopeOf(db, user, today);
  const types = new Map((await findReportTypes(db)).map((type) => [type.id, type]));
  const names = await submitterNames(db, rows, today);
  for (const row of rows) {
    const type = types.get(row.typeId)!;
    const resource = scope.paths.has(row.unitCode)
      ? reportResource(scope, row, type)
      : {
          submitter: await unitResource(db, row.unitCode, today),
          departmentCode: row.departmentCode || null,
          receiverUnitCode: type.receiverUnitCode,
        };
    assertCan(user, "report.remind", resource);
  }
  const submitted = rows.find((row) => row.state === "submitted");
  if (submitted) {
    const name = submitterName(submitted, names);
    throw new AppError({
      code: "CONFLICT",
      vi: `${name} đã nộp báo cáo ${submitted.periodLabel}; không cần nhắc. Bỏ chọn dòng này rồi thử lại.`,
      en: `${name} has already submitted the report for ${submitted.periodLabel}; deselect it and try again.`,
    });
  }
  const from = scope.names.get(user.unitCode) ?? user.unitCode;
  const result: RemindResult = { reminded: [], alreadyToday: [], withoutAddress: 0 };
  await db.transaction(async (tx) => {
    const audits: AuditEvent[] = [];
    for (const row of rows) {
      const type = types.get(row.typeId)!;
      const to = await findSubmitterAddresses(tx, row);
      const fresh = await insertReminder(tx, {
        submissionId: row.id,
        remindedBy: user.username,
        remindedByUnit: user.unitCode,
        remindedAt: now,
        remindedOn: today,
        recipients: to,
      });
      if (!fresh) {
        result.alreadyToday.push(row.id);
        continue;
      }
      let mails = 0;
      for (const address of to) {
        const queued = await queueMail(
          tx,
          options.mail,
          {
            to: [address],
            subject: `[NTM] Nhắc nộp báo cáo: ${type.name} – ${row.periodLabel}`,
            text: [
              `${from} nhắc ${submitterName(row, names)} nộp "${type.name}" kỳ ${row.periodLabel} (hạn nộp ${formatDateVi(row.dueDate)}).`,
              "Đăng nhập NTM Monitor: báo cáo nằm trong mục Việc của tôi và mục Báo cáo, để lập và nộp.",
              "Thư này được gửi tự động; không trả lời thư này.",
            ].join("\n\n"),
          },
          now,
        );
        if (queued) mails += 1;
      }
      if (to.length === 0) result.withoutAddress += 1;
      result.reminded.push({ submissionId: row.id, unitName: submitterName(row, names), mails });
      audits.push({
        kind: "report.remind",
        by: user,
        key: String(row.id),
        unitCode: row.unitCode,
        new: { periodKey: row.periodKey, type: type.code, to },
      });
    }
    if (audits.length > 0) await recordAudit(tx, audits);
  });
  return result;
}
