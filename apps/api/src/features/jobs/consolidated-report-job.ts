import { AppError } from "../../http/app-error.ts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { findAccountById, toAuthUser } from "../auth/index.ts";
import { consolidatedFile, type ConsolidatedFormat } from "../reports/index.ts";
import type { JobHandler } from "./job-queue.ts";

/** What the request of a consolidated report records in its job's row. */
export interface ConsolidatedReportInput {
  typeId: number;
  periodKey: string;
  format: ConsolidatedFormat;
  /** The account that asked: the report is built with its access, read again at the run. */
  userId: number;
  typeName: string;
  periodLabel: string;
}

/** The same report asked again while its job is unfinished is that job. */
export const consolidatedReportKey = (
  input: Pick<ConsolidatedReportInput, "typeId" | "periodKey" | "format">,
) => `consolidated_report:${input.typeId}:${input.periodKey}:${input.format}`;

/**
 * Builds the consolidated report (Word) or its annex (Excel) of a period as the account that
 * asked, and stores it under `jobs/<id>/` for the requester to download. A run again after a
 * crash builds the file again and writes the same key: nothing doubles.
 */
export function consolidatedReportJob(storage: FileStorage): JobHandler {
  return async ({ db, jobId, input, now, progress }) => {
    const { typeId, periodKey, format, userId } = input as unknown as ConsolidatedReportInput;
    const account = await findAccountById(db, userId);
    if (!account?.active) {
      throw new AppError({
        code: "FORBIDDEN",
        vi: "Tài khoản đã yêu cầu báo cáo bị khoá hoặc không còn: không lập báo cáo.",
        en: "The account that asked for the report is disabled or gone.",
      });
    }
    const user = await toAuthUser(db, account);
    await progress(0, 2);
    const file = await consolidatedFile(db, { user, typeId, periodKey, format, now: now() });
    await progress(1, 2);
    const fileKey = `jobs/${jobId}/${file.fileName.replace(/[^A-Za-z0-9._-]/g, "_")}`;
    try {
      await storage.put(fileKey, file.body, { contentType: file.contentType });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Không lưu được tệp báo cáo vào kho tệp: ${reason}.`, { cause: error });
    }
    await progress(2, 2);
    return { fileKey, resultName: file.fileName, format, bytes: file.body.length };
  };
}
