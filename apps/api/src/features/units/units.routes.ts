import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  isoDateSchema,
  unitListQuerySchema,
  unitListSchema,
  unitDetailSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { today } from "../../shared/clock.ts";
import { getUnitDetail, listUnits } from "./units.service.ts";
import { predecessorHistoryRoutes } from "./predecessor-history.routes.ts";

export function unitsRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  predecessorHistoryRoutes(app, context);
  routes.get(
    "/api/units",
    {
      schema: {
        operationId: "listUnits",
        response: { 200: unitListSchema },
        tags: ["units"],
        summary: "Đơn vị hành chính: con của một đơn vị, hoặc đơn vị gốc của người dùng",
        querystring: unitListQuerySchema,
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today(context.now());
      const units = await listUnits(db, { user: requireUser(request), ...request.query, asOf });
      return { asOf, units };
    },
  );
  routes.get(
    "/api/units/:code",
    {
      schema: {
        operationId: "getUnit",
        response: { 200: unitDetailSchema },
        tags: ["units"],
        summary: "Một đơn vị hành chính với đường dẫn và quan hệ sáp nhập",
        params: z.object({ code: z.string().min(1) }),
        querystring: z.object({ asOf: isoDateSchema.optional() }),
      },
    },
    async (request) =>
      getUnitDetail(db, {
        user: requireUser(request),
        code: request.params.code,
        asOf: request.query.asOf ?? today(context.now()),
      }),
  );
}
