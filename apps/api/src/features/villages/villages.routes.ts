import type { FastifyInstance, FastifySchema } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  villageCreateInputSchema,
  villageEditInputSchema,
  villageListResponseSchema,
  villageMergeInputSchema,
  villageRecognitionActionSchema,
  villageSchema,
  villageScorecardResponseSchema,
  villageSummaryResponseSchema,
  villageValuesInputSchema,
  yearSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { getVillageScorecard, writeVillageValues } from "./village-assessment.service.ts";
import { villageEvidenceRoutes } from "./village-evidence.routes.ts";
import { actOnVillageRecognition } from "./village-recognition.service.ts";
import { getVillageSummary } from "./village-summary.service.ts";
import { createVillage, editVillage, listVillages, mergeVillages } from "./villages.service.ts";

const code = z.string().min(1).max(30);
const yearQuery = z.object({ year: yearSchema });
const assessmentParams = z.object({ code, setCode: z.string().min(1).max(80), year: yearSchema });

/** The route's documentation and validation: every village route shares its tag. */
function doc<const Schema extends FastifySchema>(
  operationId: string,
  summary: string,
  schema: Schema,
) {
  return { schema: { operationId, tags: ["villages"], summary, ...schema } };
}

export function villageRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  villageEvidenceRoutes(app, context);
  routes.get(
    "/api/communes/:code/villages",
    doc(
      "listVillages",
      "Các thôn của xã vào cuối năm, kết quả và công nhận theo từng bộ tiêu chí thôn",
      {
        params: z.object({ code }),
        querystring: yearQuery,
        response: { 200: villageListResponseSchema },
      },
    ),
    async (request) =>
      listVillages(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
      }),
  );
  routes.post(
    "/api/communes/:code/villages",
    doc("createVillage", "Thêm thôn của xã từ một ngày (ghi nhật ký)", {
      params: z.object({ code }),
      body: villageCreateInputSchema,
      response: { 201: villageSchema },
    }),
    async (request, reply) => {
      const village = await createVillage(db, {
        user: requireUser(request),
        communeCode: request.params.code,
        input: request.body,
      });
      return reply.status(201).send(village);
    },
  );
  routes.post(
    "/api/communes/:code/villages/merge",
    doc(
      "mergeVillages",
      "Sáp nhập các thôn của xã thành một thôn mới từ một ngày (quan hệ kế thừa)",
      {
        params: z.object({ code }),
        body: villageMergeInputSchema,
        response: { 201: villageSchema },
      },
    ),
    async (request, reply) => {
      const village = await mergeVillages(db, {
        user: requireUser(request),
        communeCode: request.params.code,
        input: request.body,
      });
      return reply.status(201).send(village);
    },
  );
  routes.patch(
    "/api/villages/:code",
    doc("editVillage", "Đổi tên thôn hoặc giải thể thôn từ một ngày (phiên bản mới, ghi nhật ký)", {
      params: z.object({ code }),
      body: villageEditInputSchema,
      response: { 200: villageSchema },
    }),
    async (request) =>
      editVillage(db, {
        user: requireUser(request),
        code: request.params.code,
        input: request.body,
      }),
  );
  routes.get(
    "/api/villages/:code/sets/:setCode/assessments/:year",
    doc("getVillageScorecard", "Kết quả đánh giá thôn theo bộ tiêu chí thôn của tỉnh, có lý do", {
      params: assessmentParams,
      response: { 200: villageScorecardResponseSchema },
    }),
    async (request) => getVillageScorecard(db, { user: requireUser(request), ...request.params }),
  );
  routes.put(
    "/api/villages/:code/sets/:setCode/assessments/:year/values",
    doc(
      "putVillageValues",
      "Xã nhập số liệu của thôn (kiểm tra từng giá trị, ghi nhật ký, đánh giá lại)",
      {
        params: assessmentParams,
        body: villageValuesInputSchema,
        response: { 200: villageScorecardResponseSchema },
      },
    ),
    async (request) =>
      writeVillageValues(
        db,
        { user: requireUser(request), ...request.params, input: request.body },
        context.now(),
      ),
  );
  routes.post(
    "/api/villages/:code/recognitions/:setCode",
    doc(
      "actOnVillageRecognition",
      "Thôn tự đánh giá, xã công nhận, không công nhận hoặc thu hồi công nhận",
      {
        params: z.object({ code, setCode: z.string().min(1).max(80) }),
        body: villageRecognitionActionSchema,
        response: { 200: villageScorecardResponseSchema },
      },
    ),
    async (request) =>
      actOnVillageRecognition(
        db,
        { user: requireUser(request), ...request.params, action: request.body },
        context.now(),
      ),
  );
  routes.get(
    "/api/units/:code/villages-summary",
    doc("getVillageSummary", "Số thôn đạt và được công nhận theo từng bộ tiêu chí thôn, theo xã", {
      params: z.object({ code }),
      querystring: yearQuery,
      response: { 200: villageSummaryResponseSchema },
    }),
    async (request) =>
      getVillageSummary(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
      }),
  );
}
