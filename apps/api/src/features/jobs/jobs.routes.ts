import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  consolidatedReportBodySchema,
  fileDownloadSchema,
  idSchema,
  jobListQuerySchema,
  jobListSchema,
  jobSchema,
  reEvaluationBodySchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { contentTypes, sendDownload } from "../../shared/download.ts";
import {
  getJob,
  getJobFile,
  listJobs,
  startConsolidatedReport,
  startReEvaluation,
} from "./jobs.service.ts";

export function jobsRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    "/api/jobs",
    {
      schema: {
        operationId: "listJobs",
        tags: ["jobs"],
        summary: "Tác vụ nền của một tỉnh (mới nhất trước): trạng thái, tiến độ, lỗi",
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema },
      },
    },
    async (request) => ({
      jobs: await listJobs(db, {
        user: requireUser(request),
        province: request.query.province,
        state: request.query.state,
        now: context.now(),
      }),
    }),
  );
  typed.get(
    "/api/jobs/:id",
    {
      schema: {
        operationId: "getJob",
        tags: ["jobs"],
        summary: "Một tác vụ nền",
        params: z.object({ id: idSchema }),
        response: { 200: jobSchema },
      },
    },
    async (request) =>
      getJob(db, { user: requireUser(request), id: request.params.id, now: context.now() }),
  );
  typed.get(
    "/api/jobs/:id/file",
    {
      schema: {
        operationId: "downloadJobFile",
        tags: ["jobs"],
        summary:
          "Tệp kết quả của một tác vụ nền (báo cáo lỗi của một tệp nhập bị từ chối, báo cáo tổng hợp)",
        params: z.object({ id: idSchema }),
        response: { 200: fileDownloadSchema },
        produces: [contentTypes.csv, contentTypes.docx, contentTypes.xlsx],
      },
    },
    async (request, reply) => {
      const file = await getJobFile(db, context.storage, {
        user: requireUser(request),
        id: request.params.id,
        now: context.now(),
      });
      return sendDownload(reply, file);
    },
  );
  typed.post(
    "/api/jobs/consolidated-report",
    {
      schema: {
        operationId: "startConsolidatedReport",
        tags: ["jobs"],
        summary:
          "Lập báo cáo tổng hợp của tỉnh cho một kỳ (Word) hoặc phụ lục số liệu (Excel), chạy nền; hỏi lại khi đang lập thì là cùng tác vụ",
        body: consolidatedReportBodySchema,
        response: { 202: jobSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await startConsolidatedReport(db, context.jobs, {
          user: requireUser(request),
          typeId: request.body.type,
          periodKey: request.body.period,
          format: request.body.format,
          now: context.now(),
        }),
      ),
  );
  typed.post(
    "/api/jobs/re-evaluation",
    {
      schema: {
        operationId: "startReEvaluation",
        tags: ["jobs"],
        summary: "Đánh giá lại mọi xã của tỉnh cho một năm (chạy nền)",
        body: reEvaluationBodySchema,
        response: { 202: jobSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await startReEvaluation(db, context.jobs, {
          user: requireUser(request),
          province: request.body.province,
          year: request.body.year,
          now: context.now(),
        }),
      ),
  );
}
