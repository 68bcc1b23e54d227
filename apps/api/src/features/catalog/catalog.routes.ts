import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  catalogSetListResponseSchema,
  catalogSetDetailSchema,
  catalogImportResultSchema,
  idSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { getSet, getSets, importCatalog } from "./catalog.service.ts";

export function catalogRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/catalog/sets",
    {
      schema: {
        operationId: "listCriteriaSets",
        response: { 200: catalogSetListResponseSchema },
        tags: ["catalog"],
        summary: "Các bộ tiêu chí và phiên bản",
      },
    },
    async (request) => ({ sets: await getSets(db, requireUser(request)) }),
  );
  routes.get(
    "/api/catalog/sets/:id",
    {
      schema: {
        operationId: "getCriteriaSet",
        response: { 200: catalogSetDetailSchema },
        tags: ["catalog"],
        summary: "Một phiên bản bộ tiêu chí, đầy đủ chỉ tiêu và ngưỡng",
        params: z.object({ id: idSchema }),
      },
    },
    async (request) => getSet(db, { user: requireUser(request), id: request.params.id }),
  );
  routes.post(
    "/api/catalog/sets",
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        operationId: "importCriteriaSet",
        response: { 201: catalogImportResultSchema },
        tags: ["catalog"],
        summary: "Nhập một phiên bản bộ tiêu chí hoặc tệp ghi đè cấp tỉnh",
      },
    },
    async (request, reply) => {
      const result = await importCatalog(db, {
        document: request.body,
        by: requireUser(request),
        now: context.now(),
      });
      reply.status(201);
      return result;
    },
  );
}
