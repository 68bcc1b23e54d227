import type { Db } from "@ntm/db";
import type { ReportTypeDto, ReportTypeInput } from "@ntm/contracts";
import { AppError, forbidden } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitOn } from "../units/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import { insertReportType } from "./reports.repository.ts";
import { unitResource } from "./report-access.ts";
import { toTypeDto } from "./report-type-view.ts";

/** A report type of the user's province: cadence, due rule and who submits. */
export async function createReportType(
  db: Db,
  options: { user: AuthUser; input: ReportTypeInput; now: Date },
): Promise<ReportTypeDto> {
  const { user, input } = options;
  const today = localDate(options.now);
  assertCan(user, "report_type.create", await unitResource(db, user.unitCode, today));
  const unit = await findUnitOn(db, user.unitCode, today);
  if (unit?.level !== "province") throw forbidden("Loại báo cáo do cấp tỉnh tạo.");
  return db.transaction(async (tx) => {
    const row = await insertReportType(tx, {
      ...input,
      legalBasis: input.legalBasis ?? null,
      receiverUnitCode: unit.code,
      createdBy: user.username,
    });
    if (!row) {
      throw new AppError({
        code: "CONFLICT",
        vi: `Đã có loại báo cáo mã ${input.code}.`,
        en: `Report type ${input.code} exists.`,
      });
    }
    await recordAudit(tx, {
      kind: "report_type.create",
      by: user,
      key: String(row.id),
      unitCode: unit.code,
      new: input,
    });
    return toTypeDto(row);
  });
}
