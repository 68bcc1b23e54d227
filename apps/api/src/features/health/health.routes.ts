import type { FastifyInstance } from "fastify";
import { healthResponseSchema, readyResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { prefersEnglish } from "../../http/error-handler.ts";
import { checkReadiness } from "./readiness.ts";

export function healthRoutes(app: FastifyInstance, context: AppContext) {
  // Live: the process answers. It does not touch the database, so that a database outage makes
  // every process not ready (taken out of the proxy) rather than restarted in a loop.
  app.get(
    "/api/health",
    {
      schema: {
        operationId: "getHealth",
        response: { 200: healthResponseSchema },
        security: [],
        tags: ["health"],
        summary: "Máy chủ đang chạy (liveness)",
      },
    },
    async () => ({ status: "ok", database: context.database.kind }),
  );
  app.get(
    "/api/ready",
    {
      schema: {
        operationId: "getReady",
        response: { 200: readyResponseSchema, 503: readyResponseSchema },
        security: [],
        tags: ["health"],
        summary: "Máy chủ sẵn sàng nhận yêu cầu: cơ sở dữ liệu trả lời và đã cập nhật cấu trúc",
      },
    },
    async (request, reply) => {
      const answer = await checkReadiness(
        context.database,
        context.storage,
        prefersEnglish(request),
      );
      reply.status(answer.status === "ready" ? 200 : 503);
      return answer;
    },
  );
}
