import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  dossierFeedbackSummarySchema,
  feedbackAcceptedSchema,
  feedbackInputSchema,
  feedbackItemSchema,
  feedbackListQuerySchema,
  feedbackListResponseSchema,
  idSchema,
  moderationInputSchema,
  publicPostingsResponseSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { getFeedbackSummary } from "./feedback-summary.ts";
import { listFeedback } from "./list-feedback.ts";
import { listPostings } from "./list-postings.ts";
import { moderateFeedback } from "./moderate-feedback.ts";
import { submitFeedback, TooManySends } from "./submit-feedback.ts";

const idParams = z.object({ id: idSchema });
const provinceParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9]{1,10}$/, "Mã tỉnh gồm chữ và số"),
});

/** Residents' feedback: the public postings and the form (no session), the moderation queue. */
export function feedbackRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["feedback"];

  routes.get(
    "/api/public/provinces/:code/postings",
    {
      schema: {
        operationId: "listPublicPostings",
        params: provinceParams,
        response: { 200: publicPostingsResponseSchema },
        security: [],
        tags,
        summary:
          "Hồ sơ của tỉnh đang niêm yết công khai lấy ý kiến người dân (không cần đăng nhập)",
      },
    },
    async (request, reply) => {
      const answer = await listPostings(db, {
        provinceCode: request.params.code,
        now: context.now(),
      });
      // A minute is short enough for a posting that just opened, long enough for a CDN to help.
      reply.header("cache-control", "public, max-age=60");
      return answer;
    },
  );

  routes.post(
    "/api/public/dossiers/:id/feedback",
    {
      schema: {
        operationId: "sendPublicFeedback",
        params: idParams,
        body: feedbackInputSchema,
        response: { 202: feedbackAcceptedSchema },
        security: [],
        tags,
        summary:
          "Người dân gửi ý kiến về hồ sơ đang niêm yết (không cần đăng nhập; giới hạn số lần gửi)",
      },
      bodyLimit: 16 * 1024,
    },
    async (request, reply) => {
      try {
        const answer = await submitFeedback(db, {
          dossierId: request.params.id,
          input: request.body,
          address: request.ip,
          now: context.now(),
        });
        return reply.status(202).send(answer);
      } catch (error) {
        if (error instanceof TooManySends) {
          reply.header("retry-after", String(error.retryAfterSeconds));
        }
        throw error;
      }
    },
  );

  routes.get(
    "/api/feedback",
    {
      schema: {
        operationId: "listFeedback",
        querystring: feedbackListQuerySchema,
        response: { 200: feedbackListResponseSchema },
        tags,
        summary: "Ý kiến của người dân về hồ sơ thuộc phạm vi (hàng chờ duyệt)",
      },
    },
    async (request) =>
      listFeedback(db, {
        user: requireUser(request),
        now: context.now(),
        status: request.query.status,
        dossierId: request.query.dossier,
      }),
  );

  routes.post(
    "/api/feedback/:id/moderation",
    {
      schema: {
        operationId: "moderateFeedback",
        params: idParams,
        body: moderationInputSchema,
        response: { 200: feedbackItemSchema },
        tags,
        summary: "Duyệt hoặc ẩn (có lý do) một ý kiến của người dân; ghi nhật ký",
      },
    },
    async (request) =>
      moderateFeedback(db, {
        user: requireUser(request),
        id: request.params.id,
        input: request.body,
        now: context.now(),
      }),
  );

  routes.get(
    "/api/dossiers/:id/feedback-summary",
    {
      schema: {
        operationId: "getDossierFeedbackSummary",
        params: idParams,
        response: { 200: dossierFeedbackSummarySchema },
        tags,
        summary: "Số ý kiến người dân của hồ sơ (đã duyệt, chờ duyệt) và thời gian niêm yết",
      },
    },
    async (request) =>
      getFeedbackSummary(db, {
        user: requireUser(request),
        dossierId: request.params.id,
        now: context.now(),
      }),
  );
}
