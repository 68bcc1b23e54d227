import type { FastifyInstance } from "fastify";
import { healthResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { pingDatabase } from "./health.repository.ts";

export function healthRoutes(app: FastifyInstance, context: AppContext) {
  app.get(
    "/api/health",
    {
      schema: {
        operationId: "getHealth",
        response: { 200: healthResponseSchema },
        security: [],
        tags: ["health"],
        summary: "Tình trạng máy chủ",
      },
    },
    async () => {
      await pingDatabase(context.database.db);
      return { status: "ok", database: context.database.kind };
    },
  );
}
