import { buffer } from "node:stream/consumers";
import { AppError } from "../../http/app-error.ts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { findAccountById, toAuthUser } from "../auth/index.ts";
import { importProducts } from "../ocop/index.ts";
import type { JobHandler } from "./job-queue.ts";
import { csvFile } from "./value-import-job.ts";

/** What the upload of an OCOP registry import records in its job's row. */
export interface OcopImportInput {
  /** The stored upload (`jobs/uploads/<uuid>.xlsx`); the row names it, so no sweep removes it. */
  fileKey: string;
  fileName: string;
  size: number;
  /** The province or commune whose registry the file fills. */
  unitCode: string;
  userId: number;
}

/** Refused rows kept in the job's result; the CSV beside it holds every one. */
const errorsKept = 200;

/**
 * Imports a stored OCOP registry sheet as the account that uploaded it, as the request would:
 * every row checked, nothing saved while one is wrong. A refused file completes the job with its
 * per-row report (in the result, and as a CSV under `jobs/<id>/`). A run again after a crash
 * either finds nothing committed and imports, or finds every product already in the registry
 * and saves nothing: no product is registered twice.
 */
export function ocopImportJob(storage: FileStorage): JobHandler {
  return async ({ db, jobId, input, now, progress }) => {
    const { fileKey, fileName, unitCode, userId } = input as unknown as OcopImportInput;
    const account = await findAccountById(db, userId);
    if (!account?.active) {
      throw new AppError({
        code: "FORBIDDEN",
        vi: "Tài khoản đã gửi tệp bị khoá hoặc không còn: không nhập sản phẩm OCOP.",
        en: "The account that sent the file is disabled or gone.",
      });
    }
    const user = await toAuthUser(db, account);
    const content = await buffer(await storage.get(fileKey));
    await progress(0, 1);
    try {
      const { imported } = await importProducts(db, {
        user,
        unitCode,
        content,
        fileName,
        now: now(),
      });
      await progress(1, 1);
      return { ok: true, imported, errorCount: 0, fileName };
    } catch (error) {
      // A refused sheet (a wrong cell, a product already in the registry) is an answer to keep.
      const refused =
        error instanceof AppError && ["VALIDATION_FAILED", "CONFLICT"].includes(error.code);
      if (!refused) throw error;
      const errors = error.details ?? [{ path: "", message: error.message }];
      const resultName = `loi-${fileName.replace(/\.[^.]+$/, "")}.csv`;
      const errorKey = `jobs/${jobId}/${resultName.replace(/[^A-Za-z0-9._-]/g, "_")}`;
      await storage.put(
        errorKey,
        csvFile([["Vị trí", "Lỗi"], ...errors.map((item) => [item.path, item.message])]),
        { contentType: "text/csv" },
      );
      await progress(1, 1);
      return {
        ok: false,
        imported: 0,
        errorCount: errors.length,
        message: error.message,
        errors: errors.slice(0, errorsKept),
        fileName,
        fileKey: errorKey,
        resultName,
      };
    }
  };
}
