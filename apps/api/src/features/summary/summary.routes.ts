import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { summaryQuerySchema, summaryResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { getSummary } from "./summary.service.ts";

export function summaryRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/units/:code/summary",
    {
      schema: {
        operationId: "getUnitSummary",
        response: { 200: summaryResponseSchema },
        tags: ["summary"],
        summary:
          "Tổng hợp tỉnh/huyện: số xã theo mức đạt, theo số tiêu chí, bình quân, xã dưới N tiêu chí",
        params: z.object({ code: z.string().min(1) }),
        querystring: summaryQuerySchema,
      },
    },
    async (request) =>
      getSummary(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
        below: request.query.below,
      }),
  );
}
