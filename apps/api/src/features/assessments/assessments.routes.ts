import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  historyQuerySchema,
  scorecardQuerySchema,
  valuesInputSchema,
  yearSchema,
  scorecardResponseSchema,
  valueHistoryResponseSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { plainJsonSerializer } from "../../http/plain-json.ts";
import { prefersEnglish } from "../../http/error-handler.ts";
import { answerCacheOf, answerView, serveAnswer } from "../../shared/answer-cache.ts";
import { notModifiedResponseSchema } from "../../shared/etag.ts";
import { getHistory, readScorecard, saveValues } from "./assessments.service.ts";
import { entrySheetRoutes } from "./entry-sheet.routes.ts";

const unitParams = z.object({ code: z.string().min(1) });
const assessmentParams = unitParams.extend({ year: yearSchema });

export function assessmentsRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const answers = answerCacheOf(context);
  const scorecards = answers.remembering(
    ({ code, year, set }) => `scorecard|${code}|${year}|${set ?? ""}`,
  );
  routes.get(
    "/api/units/:code/scorecard",
    {
      schema: {
        operationId: "getScorecard",
        response: { 200: scorecardResponseSchema, 304: notModifiedResponseSchema },
        tags: ["assessments"],
        summary: "Kết quả đánh giá của một xã theo bộ tiêu chí áp dụng cho năm",
        params: unitParams,
        querystring: scorecardQuerySchema,
      },
      serializerCompiler: plainJsonSerializer,
      config: scorecards.config,
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { code } = request.params;
      const { year, set } = request.query;
      const language = prefersEnglish(request) ? "en" : "vi";
      const remember = scorecards.name({ code, year, set });
      return serveAnswer(answers, request, reply, {
        key: `${remember}|${answerView(user, language)}`,
        remember,
        user,
        build: async () => {
          const read = await readScorecard(db, { user, code, year, setId: set, language });
          return { ...read, answer: read.scorecard };
        },
      });
    },
  );
  routes.put(
    "/api/units/:code/assessments/:year/values",
    {
      schema: {
        operationId: "saveValues",
        response: { 200: scorecardResponseSchema },
        tags: ["assessments"],
        summary: "Cập nhật một hoặc nhiều giá trị chỉ tiêu (kèm phiên bản đang sửa)",
        params: assessmentParams,
        body: valuesInputSchema,
      },
    },
    async (request) =>
      saveValues(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.params.year,
        input: request.body,
        now: context.now(),
      }),
  );
  routes.get(
    "/api/units/:code/assessments/:year/history",
    {
      schema: {
        operationId: "getValueHistory",
        response: { 200: valueHistoryResponseSchema },
        tags: ["assessments"],
        summary: "Lịch sử thay đổi số liệu",
        params: assessmentParams,
        querystring: historyQuerySchema,
      },
    },
    async (request) => ({
      entries: await getHistory(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.params.year,
        indicator: request.query.indicator,
      }),
    }),
  );
  entrySheetRoutes(app, context);
}
