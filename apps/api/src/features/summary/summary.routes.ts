import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  communeListExportQuerySchema,
  communeListQuerySchema,
  communeListResponseSchema,
  fileDownloadSchema,
  summaryQuerySchema,
  summaryResponseSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { plainJsonSerializer } from "../../http/plain-json.ts";
import { prefersEnglish } from "../../http/error-handler.ts";
import { answerCacheOf, answerView, serveAnswer } from "../../shared/answer-cache.ts";
import { notModifiedResponseSchema } from "../../shared/etag.ts";
import { sendWorkbook } from "../../shared/spreadsheets/index.ts";
import { communeListFileName, communeListSheet } from "./communes-list-export.ts";
import { listCommunesBehind } from "./communes-list.service.ts";
import { readSummary } from "./summary.service.ts";

const params = z.object({ code: z.string().min(1) });

export function summaryRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const answers = answerCacheOf(context);
  const summaries = answers.remembering(({ code, year }) => `summary|${code}|${year}`);
  api.get(
    "/api/units/:code/summary",
    {
      schema: {
        operationId: "getUnitSummary",
        response: { 200: summaryResponseSchema, 304: notModifiedResponseSchema },
        tags: ["summary"],
        summary:
          "Tổng hợp tỉnh/huyện: số xã theo mức đạt, theo số tiêu chí, bình quân, xã dưới N tiêu chí",
        params,
        querystring: summaryQuerySchema,
      },
      serializerCompiler: plainJsonSerializer,
      config: summaries.config,
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { code } = request.params;
      const { year, below } = request.query;
      const language = prefersEnglish(request) ? "en" : "vi";
      return serveAnswer(answers, request, reply, {
        key: `summary|${code}|${year}|${below}|${answerView(user, language)}`,
        remember: summaries.name({ code, year }),
        user,
        build: async () => {
          const read = await readSummary(db, { user, code, year, below, language });
          return { ...read, answer: read.summary };
        },
      });
    },
  );
  api.get(
    "/api/units/:code/communes",
    {
      schema: {
        operationId: "listCommunesBehind",
        response: { 200: communeListResponseSchema },
        tags: ["summary"],
        summary:
          "Các xã đứng sau một con số: theo mức đạt, số tiêu chí, tình trạng một tiêu chí hoặc mục tiêu",
        params,
        querystring: communeListQuerySchema,
      },
    },
    async (request) =>
      listCommunesBehind(db, {
        user: requireUser(request),
        code: request.params.code,
        query: request.query,
        now: context.now(),
      }),
  );
  api.get(
    "/api/units/:code/communes.xlsx",
    {
      schema: {
        operationId: "exportCommunesBehind",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags: ["summary"],
        summary: "Xuất Excel danh sách xã (tất cả hoặc các xã đã chọn)",
        params,
        querystring: communeListExportQuerySchema,
      },
    },
    async (request, reply) => {
      const { codes, ...query } = request.query;
      const list = await listCommunesBehind(db, {
        user: requireUser(request),
        code: request.params.code,
        query,
        now: context.now(),
      });
      const chosen = codes ? new Set(codes) : null;
      const rows = chosen ? list.rows.filter((row) => chosen.has(row.code)) : list.rows;
      return sendWorkbook(reply, communeListFileName(list, chosen !== null), [
        communeListSheet(list, rows),
      ]);
    },
  );
}
