import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  certificateRule,
  issuerRule,
  ocopGroups,
  ocopPartMax,
  ocopPartNames,
  ocopParts,
  starBandRules,
} from "@ntm/domain";
import {
  fileDownloadSchema,
  jobSchema,
  idSchema,
  isoDateSchema,
  ocopCatalogSchema,
  ocopImportQuerySchema,
  ocopImportResultSchema,
  ocopListQuerySchema,
  ocopListResponseSchema,
  ocopProductDetailSchema,
  ocopProductInputSchema,
  ocopReevaluateInputSchema,
  ocopRevokeInputSchema,
  producerKindNames,
  producerKinds,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { invalid } from "../../http/app-error.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { sendWorkbook } from "../../shared/spreadsheets/index.ts";
import { startOcopImport } from "../jobs/index.ts";
import { reevaluateProduct, revokeProduct } from "./change-product.ts";
import { getProduct } from "./get-product.ts";
import { importProducts } from "./import-products.ts";
import { listProducts } from "./list-products.ts";
import { ocopSheet } from "./ocop-sheet.ts";
import { registerProduct } from "./register-product.ts";

const idParams = z.object({ id: idSchema });

export function ocopRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["ocop"];
  routes.get(
    "/api/ocop/catalog",
    {
      schema: {
        operationId: "getOcopCatalog",
        response: { 200: ocopCatalogSchema },
        tags,
        summary: "Nhóm sản phẩm, thang điểm và khung hạng sao OCOP, có căn cứ pháp lý",
      },
    },
    async (request) => {
      requireUser(request);
      return {
        groups: ocopGroups.map((group) => ({
          code: group.code,
          name: group.name,
          basis: group.basis.document,
        })),
        parts: ocopParts.map((part) => ({
          code: part,
          name: ocopPartNames[part],
          max: ocopPartMax[part],
        })),
        bandRules: starBandRules.map((rule) => ({
          validFrom: rule.validFrom,
          document: rule.basis.document,
          status: rule.basis.status,
          note: rule.basis.note ?? null,
          bands: rule.bands.filter((band) => band.stars >= 3).map((band) => ({ ...band })),
        })),
        validityMonths: certificateRule.validityMonths,
        noticeDays: certificateRule.noticeDays,
        producerKinds: producerKinds.map((code) => ({ code, name: producerKindNames[code] })),
        issuerLevels: issuerRule.levelOf,
      };
    },
  );
  routes.get(
    "/api/ocop/products",
    {
      schema: {
        operationId: "listOcopProducts",
        response: { 200: ocopListResponseSchema },
        tags,
        summary: "Sổ sản phẩm OCOP của một đơn vị, lọc theo nhóm, số sao, xã, hạn giấy chứng nhận",
        querystring: ocopListQuerySchema,
      },
    },
    async (request) =>
      listProducts(db, { user: requireUser(request), query: request.query, now: context.now() }),
  );
  routes.get(
    "/api/ocop/products.xlsx",
    {
      schema: {
        operationId: "exportOcopProducts",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags,
        summary: "Xuất Excel sổ sản phẩm OCOP theo bộ lọc",
        querystring: ocopListQuerySchema,
      },
    },
    async (request, reply) => {
      const list = await listProducts(db, {
        user: requireUser(request),
        query: request.query,
        now: context.now(),
      });
      return sendWorkbook(reply, `san-pham-ocop-${list.unit.code}.xlsx`, [ocopSheet(list)]);
    },
  );
  routes.post(
    "/api/ocop/products",
    {
      schema: {
        operationId: "registerOcopProduct",
        response: { 201: ocopProductDetailSchema },
        tags,
        summary: "Đăng ký sản phẩm OCOP đã được công nhận (giấy chứng nhận đầu tiên)",
        body: ocopProductInputSchema,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return registerProduct(db, {
        user: requireUser(request),
        input: request.body,
        now: context.now(),
      });
    },
  );
  routes.post(
    "/api/ocop/import",
    {
      schema: {
        operationId: "importOcopProducts",
        response: { 200: ocopImportResultSchema, 202: jobSchema },
        tags,
        summary:
          "Nhập danh sách sản phẩm OCOP đã công nhận của tỉnh từ tệp .xlsx (cột như tệp xuất); có lỗi thì không lưu gì và trả về lỗi từng ô",
        querystring: ocopImportQuerySchema,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const file = await request.file({ limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
      if (!file) throw invalid("Cần gửi một tệp .xlsx.", "Send an .xlsx file.");
      const options = {
        user,
        unitCode: request.query.unitCode,
        content: await file.toBuffer(),
        fileName: file.filename,
        now: context.now(),
      };
      if (request.query.background === "true") {
        return reply
          .status(202)
          .send(await startOcopImport(db, context.jobs, context.storage, options));
      }
      return importProducts(db, options);
    },
  );
  routes.get(
    "/api/ocop/products/:id",
    {
      schema: {
        operationId: "getOcopProduct",
        response: { 200: ocopProductDetailSchema },
        tags,
        summary: "Một sản phẩm OCOP: các giấy chứng nhận, lịch sử, cách tính số sao",
        params: idParams,
        querystring: z.object({ asOf: isoDateSchema.optional() }),
      },
    },
    async (request) =>
      getProduct(db, {
        user: requireUser(request),
        id: request.params.id,
        now: context.now(),
        asOf: request.query.asOf,
      }),
  );
  routes.post(
    "/api/ocop/products/:id/reevaluations",
    {
      schema: {
        operationId: "reevaluateOcopProduct",
        response: { 200: ocopProductDetailSchema },
        tags,
        summary: "Đánh giá, phân hạng lại sản phẩm: giấy chứng nhận mới",
        params: idParams,
        body: ocopReevaluateInputSchema,
      },
    },
    async (request) =>
      reevaluateProduct(db, {
        user: requireUser(request),
        id: request.params.id,
        input: request.body,
        now: context.now(),
      }),
  );
  routes.post(
    "/api/ocop/products/:id/revocation",
    {
      schema: {
        operationId: "revokeOcopProduct",
        response: { 200: ocopProductDetailSchema },
        tags,
        summary: "Thu hồi giấy chứng nhận OCOP đang có hiệu lực, có lý do",
        params: idParams,
        body: ocopRevokeInputSchema,
      },
    },
    async (request) =>
      revokeProduct(db, {
        user: requireUser(request),
        id: request.params.id,
        input: request.body,
        now: context.now(),
      }),
  );
}
