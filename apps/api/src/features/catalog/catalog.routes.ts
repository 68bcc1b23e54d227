import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  carryOverInputSchema,
  carryOverResponseSchema,
  catalogImportResultSchema,
  catalogOverrideInputSchema,
  catalogSetDetailSchema,
  catalogSetListResponseSchema,
  idSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { notModified, notModifiedResponseSchema } from "../../shared/etag.ts";
import { getCarryOver, setCarryOver } from "./carry-over.ts";
import { getSets, importCatalog, readSet } from "./catalog.service.ts";
import { createProvincialVersion } from "./provincial-version.ts";

/**
 * A stored version never changes and is the same for every reader (the catalog is public law):
 * the browser and any cache on the way keep it under its id without asking again.
 */
const immutable = "public, max-age=31536000, immutable";

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
        response: { 200: catalogSetDetailSchema, 304: notModifiedResponseSchema },
        tags: ["catalog"],
        summary: "Một phiên bản bộ tiêu chí, đầy đủ chỉ tiêu và ngưỡng",
        params: z.object({ id: idSchema }),
      },
    },
    async (request, reply) => {
      const read = await readSet(db, { user: requireUser(request), id: request.params.id });
      if (notModified(request, reply, read.etag, immutable)) return reply.send(null);
      return read.set();
    },
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

  routes.post(
    "/api/catalog/provincial-versions",
    {
      schema: {
        operationId: "createProvincialSetVersion",
        body: catalogOverrideInputSchema,
        response: { 201: catalogImportResultSchema },
        tags: ["catalog"],
        summary: "Tỉnh nhập hoặc ghi đè ngưỡng theo quyết định của tỉnh (phiên bản mới)",
      },
    },
    async (request, reply) => {
      const result = await createProvincialVersion(db, {
        user: requireUser(request),
        input: request.body,
        now: context.now(),
      });
      reply.status(201);
      return result;
    },
  );

  routes.get(
    "/api/catalog/carry-over",
    {
      schema: {
        operationId: "getRecognitionCarryOver",
        querystring: z.object({ province: z.string().trim().min(1).optional() }),
        response: { 200: carryOverResponseSchema },
        tags: ["catalog"],
        summary: "Cách chuyển tiếp công nhận giai đoạn 2021–2025 sang bộ tiêu chí 2026–2030",
      },
    },
    async (request) =>
      getCarryOver(db, {
        user: requireUser(request),
        provinceCode: request.query.province,
        now: context.now(),
      }),
  );

  routes.put(
    "/api/catalog/carry-over/:provinceCode",
    {
      schema: {
        operationId: "setRecognitionCarryOver",
        params: z.object({ provinceCode: z.string().trim().min(1) }),
        body: carryOverInputSchema,
        response: { 200: carryOverResponseSchema },
        tags: ["catalog"],
        summary: "Tỉnh đổi cách chuyển tiếp công nhận (có ghi nhật ký)",
      },
    },
    async (request) =>
      setCarryOver(db, {
        user: requireUser(request),
        provinceCode: request.params.provinceCode,
        input: request.body,
        now: context.now(),
      }),
  );
}
