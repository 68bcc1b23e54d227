import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { exportQuerySchema, importReportSchema, templateQuerySchema } from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { contentTypes, sendDownload } from "../../shared/download.ts";
import { buildTemplate, exportValues } from "./excel-files.service.ts";
import { importValues } from "./import-values.service.ts";

/** Upload limit of an import file: a national long-format CSV fits. */
export const maxImportBytes = 40 * 1024 * 1024;

const ndjsonType = "application/x-ndjson";

export function importRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/import/template",
    {
      schema: {
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
        tags: ["import"],
        summary:
          "Nhập số liệu từ tệp .xlsx (mẫu) hoặc .csv/.xlsx dạng dọc; ?dryRun=true chỉ kiểm tra. Có lỗi thì không lưu gì và trả về lỗi từng ô.",
        querystring: z.object({ dryRun: z.enum(["true", "false"]).default("false") }),
        response: { 200: importReportSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const file = await request.file({ limits: { fileSize: maxImportBytes, files: 1 } });
      if (!file) {
        throw new AppError({
          code: "VALIDATION_FAILED",
          vi: "Cần gửi một tệp.",
          en: "Send a file.",
        });
      }
      const content = await file.toBuffer();
      if (file.file.truncated) {
        throw new AppError({
          code: "PAYLOAD_TOO_LARGE",
          vi: `Tệp quá lớn (tối đa ${maxImportBytes / 1024 / 1024} MB). Hãy chia thành nhiều tệp hoặc dùng lệnh ntm import values.`,
          en: `The file is too large (at most ${maxImportBytes / 1024 / 1024} MB).`,
        });
      }
      const options = {
        user,
        fileName: file.filename,
        content,
        dryRun: request.query.dryRun === "true",
        now: context.now(),
      };
      if (!request.headers.accept?.includes(ndjsonType)) return importValues(db, options);
      // Streamed answer: one {"progress"} line per step of the check, then {"report"} or {"error"}.
      const out = new PassThrough();
      const line = (value: object) => `${JSON.stringify(value)}\n`;
      const english = request.headers["accept-language"]?.startsWith("en") ?? false;
      importValues(db, { ...options, onProgress: (progress) => out.write(line({ progress })) })
        .then((report) => out.end(line({ report })))
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
