import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  isoDateSchema,
  unitAdminListSchema,
  unitAdminQuerySchema,
  unitChangeInputSchema,
  unitChangeResultSchema,
  unitHistorySchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { today } from "../../shared/clock.ts";
import { editUnit, getUnitHistory, listUnitsForAdmin } from "./edit-unit.service.ts";

const codeParams = z.object({ code: z.string().min(1).max(20) });

export function unitEditRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/admin-units",
    {
      schema: {
        operationId: "listAdminUnits",
        tags: ["units"],
        summary:
          "Các đơn vị hành chính trực thuộc đơn vị của người dùng, với quyền sửa từng đơn vị",
        querystring: unitAdminQuerySchema,
        response: { 200: unitAdminListSchema },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today(context.now());
      const units = await listUnitsForAdmin(db, {
        user: requireUser(request),
        asOf,
        q: request.query.q,
      });
      return { asOf, units };
    },
  );
  routes.get(
    "/api/units/:code/versions",
    {
      schema: {
        operationId: "getUnitVersions",
        tags: ["units"],
        summary: "Các phiên bản của một đơn vị và những thay đổi đã ghi nhật ký",
        params: codeParams,
        querystring: z.object({ asOf: isoDateSchema.optional() }),
        response: { 200: unitHistorySchema },
      },
    },
    async (request) =>
      getUnitHistory(db, {
        user: requireUser(request),
        code: request.params.code,
        asOf: request.query.asOf ?? today(context.now()),
      }),
  );
  routes.post(
    "/api/units/:code/changes",
    {
      schema: {
        operationId: "changeUnit",
        tags: ["units"],
        summary:
          "Sửa đơn vị hành chính từ một ngày (tên, loại, đối tượng, nhóm xã, vùng); đánh giá lại kết quả đã lưu",
        params: codeParams,
        body: unitChangeInputSchema,
        response: { 200: unitChangeResultSchema },
      },
    },
    async (request) =>
      editUnit(db, {
        user: requireUser(request),
        code: request.params.code,
        input: request.body,
        now: context.now(),
      }),
  );
}
