import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { reformImportBodySchema, reformImportResultSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { importReform } from "./reform-import.service.ts";

export function reformImportRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/admin/reform-import",
    {
      schema: {
        operationId: "importReform",
        tags: ["units"],
        summary:
          "Nhập sắp xếp đơn vị hành chính từ 1/7/2025 (quản trị cấp quốc gia; mặc định chạy thử)",
        body: reformImportBodySchema,
        response: { 200: reformImportResultSchema },
      },
    },
    async (request) =>
      importReform(db, {
        user: requireUser(request),
        dryRun: request.body.dryRun,
        province: request.body.province,
      }),
  );
}
