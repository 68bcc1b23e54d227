import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  fileDownloadSchema,
  publicCommuneCriteriaSchema,
  publicCommunesSchema,
  publicCriteriaSchema,
  publicDecisionsSchema,
  publicProvinceListSchema,
  publicProvinceSchema,
  publicTargetsSchema,
  yearSchema,
  idSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { contentTypes, sendDownload } from "../../shared/download.ts";
import { etagOf, notModifiedResponseSchema } from "../../shared/etag.ts";
import {
  getPublicCommuneCriteria,
  getPublicDecisionPdf,
  listPublicCommunes,
  listPublicCriteria,
  listPublicDecisions,
  listPublicTargets,
} from "./public-reads.ts";
import { getPublicProvince, listPublicProvinces } from "./published.ts";

/**
 * The same answer for everyone, whoever asks and whatever cookie they send: a shared cache (a CDN,
 * the office's proxy) may keep it for five minutes and then ask again with the validator.
 */
const publicCache = "public, max-age=300";

/** Sets the shared-cache headers; true when the client's copy is current (a 304 to send). */
function fresh(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header("etag", etag);
  reply.header("cache-control", publicCache);
  reply.header("vary", "Accept-Encoding");
  const header = request.headers["if-none-match"];
  if (!header) return false;
  const current = header.split(",").some((tag) => [etag, `W/${etag}`, "*"].includes(tag.trim()));
  if (current) reply.code(304);
  return current;
}

const provinceCode = z.string().trim().min(1).max(10);
const yearParams = z.object({ code: provinceCode, year: yearSchema });
const common = { security: [], tags: ["public"] };

export function publicRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  /** Answers a JSON read with its validator: 304 when the client's copy is the same. */
  const cached =
    <T>(read: (request: FastifyRequest) => Promise<T>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const answer = await read(request);
      if (fresh(request, reply, etagOf([answer]))) return reply.send(null);
      return answer;
    };

  routes.get(
    "/api/public/provinces",
    {
      schema: {
        ...common,
        operationId: "listPublicProvinces",
        summary: "Các tỉnh có trang công khai (không cần đăng nhập)",
        response: { 200: publicProvinceListSchema, 304: notModifiedResponseSchema },
      },
    },
    cached(() => listPublicProvinces(db)),
  );
  routes.get(
    "/api/public/provinces/:code",
    {
      schema: {
        ...common,
        operationId: "getPublicProvince",
        summary: "Trang công khai của một tỉnh: các năm và loại dữ liệu đã công bố",
        params: z.object({ code: provinceCode }),
        response: { 200: publicProvinceSchema, 304: notModifiedResponseSchema },
      },
    },
    cached((request) => getPublicProvince(db, (request.params as { code: string }).code)),
  );

  const yearRead = <T>(
    path: string,
    operationId: string,
    summary: string,
    response: z.ZodType<T>,
    read: (asked: { provinceCode: string; year: number }) => Promise<T>,
  ) =>
    routes.get(
      `/api/public/provinces/:code/years/:year/${path}`,
      {
        schema: {
          ...common,
          operationId,
          summary,
          params: yearParams,
          response: { 200: response, 304: notModifiedResponseSchema },
        },
      },
      cached((request) => {
        const params = request.params as z.infer<typeof yearParams>;
        return read({ provinceCode: params.code, year: params.year });
      }),
    );

  yearRead(
    "communes",
    "listPublicCommunes",
    "Các xã và mức đạt chuẩn được công nhận, năm công nhận (nếu tỉnh công bố năm này)",
    publicCommunesSchema,
    (asked) => listPublicCommunes(db, asked),
  );
  yearRead(
    "criteria",
    "listPublicCriteria",
    "Số tiêu chí đạt của từng xã trong năm (nếu tỉnh công bố)",
    publicCriteriaSchema,
    (asked) => listPublicCriteria(db, asked),
  );
  yearRead(
    "decisions",
    "listPublicDecisions",
    "Quyết định công nhận, thu hồi của năm (nếu tỉnh công bố)",
    publicDecisionsSchema,
    (asked) => listPublicDecisions(db, asked),
  );
  yearRead(
    "targets",
    "listPublicTargets",
    "Mục tiêu của tỉnh và tiến độ trong năm (nếu tỉnh công bố)",
    publicTargetsSchema,
    (asked) => listPublicTargets(db, { ...asked, now: context.now() }),
  );

  const communeParams = yearParams.extend({ commune: z.string().trim().min(1).max(20) });
  routes.get(
    "/api/public/provinces/:code/years/:year/criteria/:commune",
    {
      schema: {
        ...common,
        operationId: "getPublicCommuneCriteria",
        summary: "Các tiêu chí đạt, chưa đạt của một xã trong năm (nếu tỉnh công bố)",
        params: communeParams,
        response: { 200: publicCommuneCriteriaSchema, 304: notModifiedResponseSchema },
      },
    },
    cached((request) => {
      const params = request.params as z.infer<typeof communeParams>;
      return getPublicCommuneCriteria(db, {
        provinceCode: params.code,
        year: params.year,
        communeCode: params.commune,
      });
    }),
  );

  routes.get(
    "/api/public/provinces/:code/years/:year/decisions/:dossier/pdf",
    {
      schema: {
        ...common,
        operationId: "getPublicDecisionPdf",
        summary: "Bản PDF của một quyết định đã công bố",
        params: yearParams.extend({ dossier: idSchema }),
        response: { 200: fileDownloadSchema, 304: notModifiedResponseSchema },
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const { code, year, dossier } = request.params;
      const file = await getPublicDecisionPdf(db, {
        provinceCode: code,
        year,
        dossierId: dossier,
        storage: context.storage,
        now: context.now(),
      });
      if (fresh(request, reply, etagOf(file.version))) return reply.send(null);
      return sendDownload(reply, {
        fileName: file.fileName,
        contentType: contentTypes.pdf,
        body: await file.content(),
      });
    },
  );
}
