import type { Db } from "@ntm/db";
import type { ReportTypeDto } from "@ntm/contracts";
import { findReportTypes } from "./reports.repository.ts";
import { toTypeDto } from "./report-type-view.ts";

export async function listReportTypes(db: Db): Promise<ReportTypeDto[]> {
  return (await findReportTypes(db)).map(toTypeDto);
}
