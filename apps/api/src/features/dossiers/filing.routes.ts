import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  filingCheckQuerySchema,
  filingCheckSchema,
  filingOptionsQuerySchema,
  filingOptionsSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { checkFiling } from "./check-filing.ts";
import { getFilingOptions } from "./get-filing-options.ts";

/** The filing form's questions, asked before anything is filed. */
export function dossierFilingRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["dossiers"];
  routes.get(
    "/api/dossiers/filing-options",
    {
      schema: {
        operationId: "getDossierFilingOptions",
        querystring: filingOptionsQuerySchema,
        response: { 200: filingOptionsSchema },
        tags,
        summary: "Lập hồ sơ: quyền lập, các xã trong phạm vi và các đợt còn hạn",
      },
    },
    async (request) =>
      getFilingOptions(db, {
        user: requireUser(request),
        kind: request.query.kind,
        now: context.now(),
      }),
  );
  routes.get(
    "/api/dossiers/filing-check",
    {
      schema: {
        operationId: "checkDossierFiling",
        querystring: filingCheckQuerySchema,
        response: { 200: filingCheckSchema },
        tags,
        summary: "Kiểm tra trước khi lập hồ sơ: tiêu chí chưa đạt, hồ sơ đang xử lý",
      },
    },
    async (request) =>
      checkFiling(db, {
        user: requireUser(request),
        unitCode: request.query.unit,
        year: request.query.year,
        level: request.query.level,
      }),
  );
}
