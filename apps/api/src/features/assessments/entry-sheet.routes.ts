import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  entrySheetParamsSchema,
  entrySheetQuerySchema,
  entrySheetSaveSchema,
  entrySheetResponseSchema,
  entrySheetSaveResponseSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { prefersEnglish } from "../../http/error-handler.ts";
import { getEntrySheet, saveEntrySheet } from "./entry-sheet.service.ts";

export function entrySheetRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/units/:code/entry-sheet",
    {
      schema: {
        operationId: "getEntrySheet",
        response: { 200: entrySheetResponseSchema },
        tags: ["assessments"],
        summary: "Các xã của một đơn vị × một hoặc vài chỉ tiêu, để nhập theo bảng",
        params: z.object({ code: z.string().min(1) }),
        querystring: entrySheetQuerySchema,
      },
    },
    async (request) =>
      getEntrySheet(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
        indicators: request.query.indicators,
      }),
  );
  routes.post(
    "/api/assessments/:year/values-by-unit",
    {
      schema: {
        operationId: "saveValuesByUnit",
        response: { 200: entrySheetSaveResponseSchema },
        tags: ["assessments"],
        summary: "Lưu giá trị của nhiều xã; mỗi xã một giao dịch, kết quả theo từng xã",
        params: entrySheetParamsSchema,
        body: entrySheetSaveSchema,
      },
    },
    async (request) =>
      saveEntrySheet(db, {
        user: requireUser(request),
        year: request.params.year,
        input: request.body,
        now: context.now(),
        english: prefersEnglish(request),
      }),
  );
}
