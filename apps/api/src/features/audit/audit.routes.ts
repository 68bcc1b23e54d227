import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditListResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { today } from "../../shared/clock.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findAuditRows } from "./audit.repository.ts";

export function auditRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/audit",
    {
      schema: {
        operationId: "listAuditEntries",
        response: { 200: auditListResponseSchema },
        tags: ["audit"],
        summary: "Nhật ký thay đổi của một đơn vị",
        querystring: z.object({
          unit: z.string().min(1),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      await requireUnitAccess(db, {
        user: requireUser(request),
        code: request.query.unit,
        asOf: today(context.now()),
        action: "audit.read",
      });
      const rows = await findAuditRows(db, {
        unitCode: request.query.unit,
        limit: request.query.limit,
      });
      return {
        entries: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
      };
    },
  );
}
