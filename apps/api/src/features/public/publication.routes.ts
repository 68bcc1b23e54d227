import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicationInputSchema, publicationResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { getPublication, setPublication } from "./publication-settings.ts";

const params = z.object({ code: z.string().trim().min(1).max(10) });

export function publicationRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/provinces/:code/publication",
    {
      schema: {
        operationId: "getPublication",
        params,
        response: { 200: publicationResponseSchema },
        tags: ["public"],
        summary: "Dữ liệu tỉnh công khai cho người dân, theo từng năm",
      },
    },
    async (request) =>
      getPublication(db, {
        user: requireUser(request),
        provinceCode: request.params.code,
        now: context.now(),
      }),
  );
  routes.put(
    "/api/provinces/:code/publication",
    {
      schema: {
        operationId: "setPublication",
        params,
        body: publicationInputSchema,
        response: { 200: publicationResponseSchema },
        tags: ["public"],
        summary: "Quản trị tỉnh chọn dữ liệu công khai theo từng năm (có ghi nhật ký)",
      },
    },
    async (request) =>
      setPublication(db, {
        user: requireUser(request),
        provinceCode: request.params.code,
        input: request.body,
        now: context.now(),
      }),
  );
}
