import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  exportQuerySchema,
  importRejectedSchema,
  importReportSchema,
  templateQuerySchema,
  type ImportRejected,
  type ImportReport,
  fileDownloadSchema,
  jobSchema,
} from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { prefersEnglish } from "../../http/error-handler.ts";
import { contentTypes, sendDownload } from "../../shared/download.ts";
import { startValueImport } from "../jobs/index.ts";
import { buildTemplate, exportValues } from "./excel-files.service.ts";
import { importValues } from "./import-values.service.ts";
import { fileTooLarge, uploadLimits } from "./read-sheet.ts";

/** Upload limit of an import file (larger files go through `ntm import values`). */
export const maxImportBytes = uploadLimits.bytes;
/** Room for the multipart envelope around the file. */
const envelopeBytes = 64 * 1024;

/** A report with wrong cells becomes a 422 error that carries the report. */
function rejected(report: ImportReport, english: boolean): ImportRejected {
  const count = report.errorCount;
  return {
    error: {
      code: "IMPORT_REJECTED",
      message: english
        ? `The file has ${count.toLocaleString("en-US")} error(s); nothing was saved. Fix the cells listed and send it again.`
        : `Tệp có ${count.toLocaleString("vi-VN")} lỗi; chưa lưu giá trị nào. Hãy sửa các ô được liệt kê rồi gửi lại.`,
    },
    report,
  };
}

const ndjsonType = "application/x-ndjson";

export function importRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/import/template",
    {
      schema: {
        operationId: "downloadImportTemplate",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags: ["import"],
        summary:
          "Tải mẫu nhập số liệu (một dòng mỗi xã, một cột mỗi chỉ tiêu) cho một tỉnh/huyện và năm",
        querystring: templateQuerySchema,
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await buildTemplate(db, {
        user: requireUser(request),
        unit: request.query.unit,
        year: request.query.year,
      });
      return sendDownload(reply, { fileName, contentType: contentTypes.xlsx, body: buffer });
    },
  );
  routes.post(
    "/api/import/values",
    {
      schema: {
        operationId: "importValues",
        tags: ["import"],
        summary:
          "Nhập số liệu từ tệp .xlsx (mẫu) hoặc .csv/.xlsx dạng dọc; ?dryRun=true chỉ kiểm tra. Có lỗi thì không lưu gì và trả về lỗi từng ô.",
        querystring: z.object({
          dryRun: z.enum(["true", "false"]).default("false"),
          // A large file: stored and imported by a background job (202 with the job).
          background: z.enum(["true", "false"]).default("false"),
        }),
        response: { 200: importReportSchema, 202: jobSchema, 422: importRejectedSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      // Refused before a byte of the body is read when the client says how large it is.
      if (Number(request.headers["content-length"]) > maxImportBytes + envelopeBytes) {
        throw fileTooLarge(uploadLimits);
      }
      const file = await request.file({ limits: { fileSize: maxImportBytes, files: 1 } });
      if (!file) {
        throw new AppError({
          code: "VALIDATION_FAILED",
          vi: "Cần gửi một tệp.",
          en: "Send a file.",
        });
      }
      const content = await file.toBuffer().catch((error: unknown) => {
        throw (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE"
          ? fileTooLarge(uploadLimits)
          : error;
      });
      if (request.query.background === "true" && request.query.dryRun !== "true") {
        const job = await startValueImport(db, context.jobs, context.storage, {
          user,
          fileName: file.filename,
          content,
          now: context.now(),
        });
        return reply.status(202).send(job);
      }
      const options = {
        user,
        fileName: file.filename,
        content,
        dryRun: request.query.dryRun === "true",
        now: context.now(),
        limits: uploadLimits,
      };
      const english = prefersEnglish(request);
      if (!request.headers.accept?.includes(ndjsonType)) {
        const report = await importValues(db, options);
        return report.ok ? report : reply.status(422).send(rejected(report, english));
      }
      // Streamed answer: one {"progress"} line per step of the check, then {"report"}, or
      // {"error","report"} for a file with wrong cells, or {"error"}.
      const out = new PassThrough();
      const line = (value: object) => `${JSON.stringify(value)}\n`;
      importValues(db, { ...options, onProgress: (progress) => out.write(line({ progress })) })
        .then((report) => out.end(line(report.ok ? { report } : rejected(report, english))))
        .catch((error: unknown) => {
          if (!(error instanceof AppError)) request.log.error(error);
          out.end(
            line({
              error:
                error instanceof AppError
                  ? { code: error.code, message: english ? error.messageEn : error.message }
                  : { code: "INTERNAL", message: "Lỗi máy chủ khi nhập tệp; hãy thử lại." },
            }),
          );
        });
      // The response schema types the JSON answer; a stream is sent as it is.
      return reply.header("content-type", `${ndjsonType}; charset=utf-8`).send(out as never);
    },
  );
  routes.get(
    "/api/export/values",
    {
      schema: {
        operationId: "exportValues",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
        tags: ["import"],
        summary: "Xuất số liệu các xã của một đơn vị trong một năm (dạng dọc, .xlsx hoặc .csv)",
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const { stream, fileName } = await exportValues(db, {
        user: requireUser(request),
        unit: request.query.unit,
        year: request.query.year,
        format: request.query.format,
      });
      return sendDownload(reply, {
        fileName,
        contentType: contentTypes[request.query.format],
        body: stream,
      });
    },
  );
}
