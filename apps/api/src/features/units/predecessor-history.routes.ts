import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { predecessorHistoryQuerySchema, predecessorHistoryResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { today } from "../../shared/clock.ts";
import { getPredecessorHistory } from "./predecessor-history.service.ts";

export function predecessorHistoryRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/units/:code/predecessor-history",
    {
      schema: {
        operationId: "getPredecessorHistory",
        response: { 200: predecessorHistoryResponseSchema },
        tags: ["units"],
        summary:
          "Kết quả 2021–2025 và công nhận của các đơn vị trước sáp nhập (toàn bộ hoặc một phần)",
        params: z.object({ code: z.string().min(1) }),
        querystring: predecessorHistoryQuerySchema,
      },
    },
    async (request) =>
      getPredecessorHistory(db, {
        user: requireUser(request),
        code: request.params.code,
        asOf: request.query.asOf ?? today(context.now()),
      }),
  );
}
